#pragma once

#include "api/keyset_page.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::notifications {

// A mail to send, as its announcer queues it: the template and what it is about, rendered when
// it is sent (so the invoice PDF is made then, not stored).
struct OutboxItem {
    QString customerId; // may be empty (a mail to no customer)
    QString toAddress;
    QString templateName;
    QJsonObject payload;
    // Makes it queue once however often the event is announced ("invoice.issued:<id>").
    QString dedupeKey;
};

struct OutboxEntry {
    QString id;
    QString customerId;
    QString toAddress;
    QString templateName;
    QJsonObject payload;
    QString status; // queued, sent, failed
    int attempts = 0;
    QDateTime nextAttemptAt, lastAttemptAt, createdAt, sentAt, failedAt;
    QString lastError;
    QString subject;

    QJsonObject toJson() const;
};

struct OutboxPage {
    QList<OutboxEntry> items;
    QString nextCursor;
};

// The tenant's email_outbox inside the caller's transaction (RLS scopes it).
class Outbox {
public:
    static QStringList statuses();             // queued, sent, failed
    static QList<api::SortOrder> sortOrders(); // created_at (default -created_at)

    // Queues the item unless its dedupe key is queued already; true when it was queued now.
    static Result<bool> enqueue(TenantTransaction &tx, const OutboxItem &item, const QDateTime &now);
    static Result<OutboxPage> list(TenantTransaction &tx, const QString &status, const api::KeysetPage &page);
    static Result<OutboxEntry> find(TenantTransaction &tx, const QString &id);
    // A failed message goes back to the queue with a fresh attempt budget, due now; a queued one
    // is made due now. A sent one is refused (mail_not_retryable): it would go out twice.
    static Result<OutboxEntry> retry(TenantTransaction &tx, const QString &id, const QDateTime &now);

    // The sender's side (OutboxSender), each in the transaction that sends one message:
    // whether anything is due (a cheap look before opening a connection);
    static Result<bool> anyDue(TenantTransaction &tx, const QDateTime &now);
    // the next due message, locked; others racing for the tenant's queue skip it (nullopt: none);
    static Result<std::optional<OutboxEntry>> claimNext(TenantTransaction &tx, const QDateTime &now);
    // and its outcome.
    static Status markSent(TenantTransaction &tx, const QString &id, const QString &subject,
                           const QDateTime &now);
    // Counts the attempt; `retryAt` invalid: failed for good.
    static Status markAttemptFailed(TenantTransaction &tx, const QString &id, const QString &error,
                                    const QDateTime &retryAt, const QDateTime &now);
};

} // namespace mp::notifications
