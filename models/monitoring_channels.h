#pragma once

#include <QString>

namespace mp::channels {

// The change-feed channel of the monitoring tables (migration 0030): nodes, checks, their status
// and alerts.
inline const QString monitoring = QStringLiteral("mpanel_changed_monitoring");

} // namespace mp::channels
