#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mp::notifications {

struct MailAttachment {
    QString fileName; // ASCII (invoice numbers)
    QByteArray mimeType;
    QByteArray data;
};

// One rendered mail, ready for the relay: multipart/alternative (text and HTML), inside
// multipart/mixed with the attachments.
struct MailMessage {
    QString fromAddress;
    QString fromName;
    QString replyTo;
    QString toAddress;
    QString toName;
    QString subject;
    QString language; // "en", "de": the Content-Language header
    QString text;
    QString html;
    QList<MailAttachment> attachments;
    // The same id on every attempt, so a receiving system can drop a second copy of a mail the
    // relay accepted just before a crash (the at-least-once window, see OutboxSender).
    QString messageId;
};

} // namespace mp::notifications
