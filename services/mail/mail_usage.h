#pragma once

#include <QString>

#include <optional>

namespace mp::mail {

// How much of its quota a mailbox uses, as Dovecot's maildir quota counts it: the sum of the
// byte column of <mail_root>/<domain>/<local part>/Maildir/maildirsize. Empty when the file is
// not there (nothing delivered yet) or not readable from here.
std::optional<qint64> mailboxUsedBytes(const QString &mailRoot, const QString &domain,
                                       const QString &localPart);

} // namespace mp::mail
