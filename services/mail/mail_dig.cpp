#include "mail/mail_dig.h"

#include "core/errors.h"
#include "mail/mail_errors.h"

#include <QProcess>
#include <QRegularExpression>

namespace mp::mail {

namespace {

// dig +short prints a TXT record as its quoted strings, a long one split in several.
QString txtText(const QString &line)
{
    static const QRegularExpression quoted(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QString text;
    for (auto it = quoted.globalMatch(line); it.hasNext();) {
        QString part = it.next().captured(1);
        part.replace(QLatin1String("\\\""), QLatin1String("\""));
        part.replace(QLatin1String("\\\\"), QLatin1String("\\"));
        text += part;
    }
    return text;
}

} // namespace

Result<QStringList> digAnswers(const QString &address, const QString &name, const QString &type)
{
    QString host = address.trimmed();
    QString port = QStringLiteral("53");
    static const QRegularExpression withPort(QStringLiteral("^\\[?([^\\]]+?)\\]?:(\\d{1,5})$"));
    if (const auto m = withPort.match(host);
        m.hasMatch() && (host.startsWith(u'[') || host.count(u':') == 1)) {
        host = m.captured(1);
        port = m.captured(2);
    }
    QProcess dig;
    dig.start(QStringLiteral("dig"),
              {QStringLiteral("+norec"), QStringLiteral("+short"), QStringLiteral("+time=2"),
               QStringLiteral("+tries=1"), u'@' + host, QStringLiteral("-p"), port, name, type});
    if (!dig.waitForFinished(10000) || dig.exitStatus() != QProcess::NormalExit) {
        dig.kill();
        dig.waitForFinished(1000);
        return makeError(errors::MailDnsUnanswered,
                         QStringLiteral("dig did not finish (is bind9-dnsutils installed?)"));
    }
    const QString out = QString::fromUtf8(dig.readAllStandardOutput());
    if (dig.exitCode() != 0)
        return makeError(errors::MailDnsUnanswered,
                         QStringLiteral("%1 did not answer: %2")
                             .arg(address, (out + QString::fromUtf8(dig.readAllStandardError())).trimmed()));
    QStringList answers;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u';'))
            continue;
        answers << (type == QLatin1String("TXT") ? txtText(line) : line.trimmed());
    }
    return answers;
}

} // namespace mp::mail
