#include "notifications/outbox.h"

#include "api/responses.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "notifications/notification_errors.h"

#include <QJsonDocument>
#include <QUuid>

namespace mp::notifications {

namespace {

const auto kColumns = QStringLiteral(
    "o.id::text, coalesce(o.customer_id::text, ''), o.to_address, o.template, o.payload::text, o.status, "
    "o.attempts, "
    "o.next_attempt_at, o.last_attempt_at, o.created_at, o.sent_at, o.failed_at, coalesce(o.last_error, ''), "
    "coalesce(o.subject, '')");
constexpr int kColumnCount = 14;

const auto kEnqueue = QStringLiteral(R"sql(
INSERT INTO email_outbox (tenant_id, customer_id, to_address, template, payload, dedupe_key, created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?::jsonb, ?, ?::timestamptz)
ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
RETURNING id
)sql");

const auto kDue =
    QStringLiteral("o.status = 'queued' AND coalesce(o.next_attempt_at, o.created_at) <= ?::timestamptz");

const auto kRetry = QStringLiteral(R"sql(
UPDATE email_outbox SET status = 'queued', next_attempt_at = ?::timestamptz, failed_at = NULL,
       attempts = CASE WHEN status = 'failed' THEN 0 ELSE attempts END
WHERE id = ?::uuid AND status IN ('queued', 'failed')
)sql");

const auto kSent = QStringLiteral(R"sql(
UPDATE email_outbox SET status = 'sent', sent_at = ?::timestamptz, last_attempt_at = ?::timestamptz,
       attempts = attempts + 1, subject = ?, last_error = NULL, next_attempt_at = NULL
WHERE id = ?::uuid
)sql");

const auto kAttemptFailed = QStringLiteral(R"sql(
UPDATE email_outbox SET attempts = attempts + 1, last_attempt_at = ?::timestamptz, last_error = ?,
       next_attempt_at = ?::timestamptz,
       status = CASE WHEN ?::timestamptz IS NULL THEN 'failed' ELSE 'queued' END,
       failed_at = CASE WHEN ?::timestamptz IS NULL THEN ?::timestamptz END
WHERE id = ?::uuid
)sql");

QVariant nullableTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC()) : QVariant(QMetaType::fromType<QDateTime>());
}

OutboxEntry fromRow(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toString();
    e.customerId = q.value(1).toString();
    e.toAddress = q.value(2).toString();
    e.templateName = q.value(3).toString();
    e.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    e.status = q.value(5).toString();
    e.attempts = q.value(6).toInt();
    e.nextAttemptAt = q.value(7).toDateTime();
    e.lastAttemptAt = q.value(8).toDateTime();
    e.createdAt = q.value(9).toDateTime();
    e.sentAt = q.value(10).toDateTime();
    e.failedAt = q.value(11).toDateTime();
    e.lastError = q.value(12).toString();
    e.subject = q.value(13).toString();
    return e;
}

QJsonValue optionalTime(const QDateTime &t)
{
    return t.isValid() ? api::timestamp(t) : QJsonValue();
}

QJsonValue optionalText(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

Error notFound()
{
    return makeError(errors::NotFound, QStringLiteral("no such message"), QStringLiteral("id"));
}

} // namespace

QJsonObject OutboxEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("customer_id"), optionalText(customerId)},
                       {QStringLiteral("to"), toAddress},
                       {QStringLiteral("template"), templateName},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("attempts"), attempts},
                       {QStringLiteral("subject"), optionalText(subject)},
                       {QStringLiteral("last_error"), optionalText(lastError)},
                       {QStringLiteral("next_attempt_at"),
                        optionalTime(status == QLatin1String("queued") ? nextAttemptAt : QDateTime())},
                       {QStringLiteral("last_attempt_at"), optionalTime(lastAttemptAt)},
                       {QStringLiteral("created_at"), api::timestamp(createdAt)},
                       {QStringLiteral("sent_at"), optionalTime(sentAt)},
                       {QStringLiteral("failed_at"), optionalTime(failedAt)}};
}

QStringList Outbox::statuses()
{
    return {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("failed")};
}

QList<api::SortOrder> Outbox::sortOrders()
{
    return {
        {QStringLiteral("created_at"), {QStringLiteral("o.created_at")}, {QStringLiteral("timestamptz")}}};
}

Result<bool> Outbox::enqueue(TenantTransaction &tx, const OutboxItem &item, const QDateTime &now)
{
    auto q = sql::exec(
        tx.db(), kEnqueue,
        {tx.tenantId(),
         item.customerId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(item.customerId),
         item.toAddress, item.templateName,
         QString::fromUtf8(QJsonDocument(item.payload).toJson(QJsonDocument::Compact)),
         item.dedupeKey.left(200), now.toUTC()});
    if (!q)
        return q.error();
    return q->next();
}

Result<OutboxPage> Outbox::list(TenantTransaction &tx, const QString &status, const api::KeysetPage &page)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    if (!status.isEmpty()) {
        where << QStringLiteral("o.status = ?");
        binds << status;
    }
    const QString after = page.afterCondition(QStringLiteral("o.id"));
    if (!after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    const QString text = QStringLiteral("SELECT %1, %2 FROM email_outbox o WHERE %3 ORDER BY %4 LIMIT %5")
                             .arg(kColumns, page.keySelect(), where.join(QStringLiteral(" AND ")),
                                  page.orderBy(QStringLiteral("o.id")))
                             .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), text, binds);
    if (!q)
        return q.error();
    return api::readPage<OutboxPage>(*q, page, kColumnCount, fromRow);
}

Result<OutboxEntry> Outbox::find(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound();
    auto q = sql::exec(
        tx.db(), QStringLiteral("SELECT %1 FROM email_outbox o WHERE o.id = ?::uuid").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return fromRow(*q);
}

Result<OutboxEntry> Outbox::retry(TenantTransaction &tx, const QString &id, const QDateTime &now)
{
    auto entry = find(tx, id);
    if (!entry)
        return entry.error();
    if (entry->status == QLatin1String("sent"))
        return makeError(errors::MailNotRetryable, QStringLiteral("the message was sent already"),
                         QStringLiteral("status"));
    auto q = sql::exec(tx.db(), kRetry, {now.toUTC(), id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return makeError(errors::MailNotRetryable, QStringLiteral("the message was sent meanwhile"),
                         QStringLiteral("status"));
    return find(tx, id);
}

Result<bool> Outbox::anyDue(TenantTransaction &tx, const QDateTime &now)
{
    auto q =
        sql::exec(tx.db(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM email_outbox o WHERE %1)").arg(kDue),
                  {now.toUTC()});
    if (!q)
        return q.error();
    return q->next() && q->value(0).toBool();
}

Result<std::optional<OutboxEntry>> Outbox::claimNext(TenantTransaction &tx, const QDateTime &now)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM email_outbox o WHERE %2 "
                                      "ORDER BY coalesce(o.next_attempt_at, o.created_at), o.id "
                                      "LIMIT 1 FOR UPDATE SKIP LOCKED")
                           .arg(kColumns, kDue),
                       {now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(fromRow(*q));
}

Status Outbox::markSent(TenantTransaction &tx, const QString &id, const QString &subject,
                        const QDateTime &now)
{
    auto q = sql::exec(tx.db(), kSent, {now.toUTC(), now.toUTC(), subject.left(998), id});
    if (!q)
        return q.error();
    return {};
}

Status Outbox::markAttemptFailed(TenantTransaction &tx, const QString &id, const QString &error,
                                 const QDateTime &retryAt, const QDateTime &now)
{
    const QVariant next = nullableTime(retryAt);
    auto q = sql::exec(tx.db(), kAttemptFailed,
                       {now.toUTC(), error.left(2000), next, next, next, now.toUTC(), id});
    if (!q)
        return q.error();
    return {};
}

} // namespace mp::notifications
