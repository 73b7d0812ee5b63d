#include "empty_state_label.h"

#include <QLabel>

namespace mp {

void styleAsEmptyState(QLabel *label, const QString &objectName)
{
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
}

QLabel *newEmptyStateLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    styleAsEmptyState(label, objectName);
    return label;
}

} // namespace mp
