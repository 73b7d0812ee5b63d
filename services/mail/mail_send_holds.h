#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class JobContext;
}

namespace mp::mail {

// A mailbox the mail host held mail of, for going over its own or its domain's hourly sending
// limit (mpanel_mail_send_check, migration 0032): one per mailbox and hour.
struct SendHold {
    QString id, domainId, mailboxId, address, limitKind;
    int limitPerHour = 0, held = 0;
    QDateTime firstHeldAt, lastHeldAt, announcedAt;

    QJsonObject toJson() const;
};

class SendHolds {
public:
    // The domain's holds, newest first.
    static Result<QList<SendHold>> list(const QSqlDatabase &db, const QString &domainId, int limit = 100);
};

// mail.announce_send_hold: announces mail.sending_limit_exceeded for one hold, once (the
// Guardian raises its finding from it).
Status announceSendHoldJob(JobContext &ctx);

} // namespace mp::mail
