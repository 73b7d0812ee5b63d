#pragma once

#include <QString>

namespace mp::guardian {

// Announced (module/domain_events.h) when a remediation task tells a customer about a finding
// that concerns them; subject: the finding id; data: kind, severity, resource_type, resource.
inline const QString SecurityNoticeEvent = QStringLiteral("guardian.security_notice");

} // namespace mp::guardian
