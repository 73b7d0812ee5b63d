#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace mp {

// The look of a table's empty state in every section: centred, wrapped, in the palette's
// placeholder colour, named for tests and screenshots.
void styleAsEmptyState(QLabel *label, const QString &objectName);
QLabel *newEmptyStateLabel(QWidget *parent, const QString &objectName);

} // namespace mp
