#pragma once

#include <QString>

namespace mp::channels {

// The change-feed channel of the mail tables (migration 0027): hosts, domains, mailboxes, aliases.
inline const QString mail = QStringLiteral("mpanel_changed_mail");

} // namespace mp::channels
