#pragma once

#include <Qt>

namespace mp {

// Roles every console table model answers, so views can find a row's object without knowing
// the model's column layout.
enum ModelRole {
    IdRole = Qt::UserRole + 1, // the row's uuid as a QString
};

} // namespace mp
