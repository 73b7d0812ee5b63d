#include "mail/mail_usage.h"

#include <QDir>
#include <QFile>

namespace mp::mail {

std::optional<qint64> mailboxUsedBytes(const QString &mailRoot, const QString &domain,
                                       const QString &localPart)
{
    // The names come from checked columns (no '/', no '..').
    QFile file(QDir::cleanPath(mailRoot + u'/' + domain + u'/' + localPart +
                               QStringLiteral("/Maildir/maildirsize")));
    if (mailRoot.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    file.readLine(); // the quota definition ("1073741824S")
    qint64 bytes = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        bool ok = false;
        const qint64 delta = line.split(' ').value(0).toLongLong(&ok);
        if (ok)
            bytes += delta;
    }
    return qMax<qint64>(bytes, 0);
}

} // namespace mp::mail
