#pragma once

#include <QDateTime>
#include <QString>

namespace mp::notifications {

// Header values as RFC 5322 / 2047 want them: one line, ASCII, non-ASCII text as UTF-8 encoded
// words. Line breaks in the input are dropped first (no header injection through a name).
class MailHeaders {
public:
    // "=?UTF-8?B?...?=" words (at most 75 characters each, split on character boundaries,
    // separated by spaces) when `text` is not plain printable ASCII; `text` otherwise.
    static QString encodeWords(const QString &text);
    // "Name <address>", the name quoted or encoded as needed; the bare address without a name.
    static QString mailbox(const QString &name, const QString &address);
    // "Mon, 07 Dec 2026 14:00:00 +0000".
    static QString date(const QDateTime &at);
};

} // namespace mp::notifications
