#include "notifications/mail_headers.h"

#include <QLocale>

namespace mp::notifications {

namespace {

QString oneLine(const QString &text)
{
    QString out = text;
    out.replace(u'\r', u' ');
    out.replace(u'\n', u' ');
    return out.trimmed();
}

bool plainAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    // A literal "=?" could be read as an encoded word by the receiver.
    return !text.contains(QLatin1String("=?"));
}

} // namespace

QString MailHeaders::encodeWords(const QString &text)
{
    const QString line = oneLine(text);
    if (plainAscii(line))
        return line;
    // 75 characters per word: "=?UTF-8?B?" + "?=" leave 63 for base64, i.e. 45 bytes of UTF-8.
    constexpr int kBytesPerWord = 45;
    QStringList words;
    QByteArray chunk;
    for (qsizetype i = 0; i < line.size(); ++i) {
        // Never split a surrogate pair (one character, two QChars) across words.
        const qsizetype len = line.at(i).isHighSurrogate() && i + 1 < line.size() ? 2 : 1;
        const QByteArray bytes = line.mid(i, len).toUtf8();
        if (chunk.size() + bytes.size() > kBytesPerWord) {
            words << QStringLiteral("=?UTF-8?B?%1?=").arg(QString::fromLatin1(chunk.toBase64()));
            chunk.clear();
        }
        chunk += bytes;
        i += len - 1;
    }
    if (!chunk.isEmpty())
        words << QStringLiteral("=?UTF-8?B?%1?=").arg(QString::fromLatin1(chunk.toBase64()));
    return words.join(u' ');
}

QString MailHeaders::mailbox(const QString &name, const QString &address)
{
    const QString display = oneLine(name);
    const QString addr = oneLine(address);
    if (display.isEmpty())
        return addr;
    if (!plainAscii(display))
        return QStringLiteral("%1 <%2>").arg(encodeWords(display), addr);
    QString quoted = display;
    quoted.replace(u'\\', QLatin1String("\\\\"));
    quoted.replace(u'"', QLatin1String("\\\""));
    return QStringLiteral("\"%1\" <%2>").arg(quoted, addr);
}

QString MailHeaders::date(const QDateTime &at)
{
    return QLocale::c().toString(at.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")) +
           QStringLiteral(" +0000");
}

} // namespace mp::notifications
