#include "mail/mail_send_holds.h"

#include "api/responses.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "module/domain_events.h"

#include <QSqlQuery>

namespace mp::mail {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT h.id, h.domain_id, h.mailbox_id, h.address, h.limit_kind, h.limit_per_hour, h.held, "
    "h.first_held_at, h.last_held_at, h.announced_at FROM mail_send_holds h ");

SendHold holdFrom(const QSqlQuery &q)
{
    SendHold h;
    h.id = q.value(0).toString();
    h.domainId = q.value(1).toString();
    h.mailboxId = q.value(2).toString();
    h.address = q.value(3).toString();
    h.limitKind = q.value(4).toString();
    h.limitPerHour = q.value(5).toInt();
    h.held = q.value(6).toInt();
    h.firstHeldAt = q.value(7).toDateTime();
    h.lastHeldAt = q.value(8).toDateTime();
    h.announcedAt = q.value(9).toDateTime();
    return h;
}

} // namespace

QJsonObject SendHold::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("domain_id"), domainId},
        {QStringLiteral("mailbox_id"), mailboxId},
        {QStringLiteral("address"), address},
        {QStringLiteral("limit_kind"), limitKind},
        {QStringLiteral("limit_per_hour"), limitPerHour},
        {QStringLiteral("held"), held},
        {QStringLiteral("first_held_at"), api::timestamp(firstHeldAt)},
        {QStringLiteral("last_held_at"), api::timestamp(lastHeldAt)},
        {QStringLiteral("announced_at"), announcedAt.isValid() ? api::timestamp(announcedAt) : QJsonValue()}};
}

Result<QList<SendHold>> SendHolds::list(const QSqlDatabase &db, const QString &domainId, int limit)
{
    auto q = sql::exec(db,
                       kSelect + QStringLiteral("WHERE h.domain_id = ?::uuid ORDER BY h.first_held_at DESC, "
                                                "h.id LIMIT ?"),
                       {domainId, qBound(1, limit, 1000)});
    if (!q)
        return q.error();
    QList<SendHold> out;
    while (q->next())
        out.append(holdFrom(*q));
    return out;
}

Status announceSendHoldJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    const QString id = ctx.payload().value(QStringLiteral("id")).toString();
    // Held for this transaction: a second run of the job waits, then finds it announced.
    auto q =
        sql::exec(*db,
                  QStringLiteral("SELECT h.id, h.domain_id, h.mailbox_id, h.address, h.limit_kind, "
                                 "h.limit_per_hour, h.held, h.first_held_at, h.last_held_at, h.announced_at, "
                                 "d.name, d.customer_id FROM mail_send_holds h JOIN mail_domains d "
                                 "ON d.id = h.domain_id WHERE h.id = ?::uuid FOR UPDATE OF h"),
                  {id});
    if (!q)
        return q.error();
    if (!q->next()) {
        ctx.log(QStringLiteral("hold %1 is gone (its domain was deleted)").arg(id));
        return {};
    }
    const SendHold hold = holdFrom(*q);
    if (hold.announcedAt.isValid()) {
        ctx.log(QStringLiteral("hold of %1 announced already").arg(hold.address));
        return {};
    }
    events::DomainEvent event;
    event.name = events::MailSendingLimitExceeded;
    event.customerId = q->value(11).toString();
    event.subjectId = hold.id;
    event.data = {{QStringLiteral("address"), hold.address},
                  {QStringLiteral("domain"), q->value(10).toString()},
                  {QStringLiteral("domain_id"), hold.domainId},
                  {QStringLiteral("mailbox_id"), hold.mailboxId},
                  {QStringLiteral("limit_kind"), hold.limitKind},
                  {QStringLiteral("limit_per_hour"), hold.limitPerHour},
                  {QStringLiteral("held"), hold.held},
                  {QStringLiteral("first_held_at"), api::timestamp(hold.firstHeldAt)}};
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    if (auto s = events::DomainEvents::announce(tx, event, ctx.now()); !s)
        return s;
    auto marked = sql::exec(
        *db, QStringLiteral("UPDATE mail_send_holds SET announced_at = ?::timestamptz WHERE id = ?::uuid"),
        {ctx.now().toUTC(), hold.id});
    if (!marked)
        return marked.error();
    ctx.log(QStringLiteral("announced that %1 went over its %2 sending limit (%3 an hour)")
                .arg(hold.address, hold.limitKind)
                .arg(hold.limitPerHour));
    return {};
}

} // namespace mp::mail
