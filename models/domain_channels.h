#pragma once

#include <QString>

namespace mp::channels {

// The change-feed channel of the domains table (migration 0026).
inline const QString domains = QStringLiteral("mpanel_changed_domains");

} // namespace mp::channels
