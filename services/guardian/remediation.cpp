#include "guardian/remediation.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "guardian/firewall.h"
#include "guardian/guardian_errors.h"
#include "guardian/guardian_events.h"
#include "guardian/guardian_json.h"
#include "jobs/job_sql_values.h"
#include "module/domain_events.h"

namespace mp::guardian {

namespace {

const QString kColumns = QStringLiteral(
    "r.id, r.finding_id, r.action, r.target, r.status, r.automatic, r.result, r.decided_by, r.decided_at, "
    "r.created_at, f.kind AS finding_kind, f.severity, f.subject, f.customer_id, f.resource_type, "
    "f.resource");

Result<QJsonObject> one(const QSqlDatabase &db, const QString &id)
{
    auto q = sql::exec(db,
                       QStringLiteral("SELECT %1 FROM guardian_remediations r JOIN guardian_findings f ON "
                                      "f.id = r.finding_id WHERE r.id = ?")
                           .arg(kColumns),
                       {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such remediation"), QStringLiteral("id"));
    return rowJson(*q);
}

// The how-many-th block of `address` this would be, and its ban.
Result<QJsonObject> blockAddress(const QSqlDatabase &db, const QString &tenantId,
                                 const QString &remediationId, const QString &address,
                                 const GuardianSettings &settings, const QDateTime &now)
{
    auto previous =
        sql::exec(db, QStringLiteral("SELECT count(*) FROM guardian_blocks WHERE address = ?"), {address});
    if (!previous || !previous->next())
        return previous ? makeError(errors::Internal, QStringLiteral("no count")) : previous.error();
    const int offence = previous->value(0).toInt() + 1;
    const int ban = settings.banSeconds(offence);
    // One block in force per address: the new one replaces what is left of the last.
    auto lifted =
        sql::exec(db,
                  QStringLiteral("UPDATE guardian_blocks SET lifted_at = ?::timestamptz WHERE address = ? "
                                 "AND lifted_at IS NULL AND expires_at > ?::timestamptz"),
                  {jobsql::timestamp(now), address, jobsql::timestamp(now)});
    if (!lifted)
        return lifted.error();
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO guardian_blocks (tenant_id, address, remediation_id, offence, "
                                 "ban_s, starts_at, expires_at) VALUES (?, ?, ?::uuid, ?, ?, ?::timestamptz, "
                                 "?::timestamptz) RETURNING id"),
                  {tenantId, address, remediationId, offence, ban, jobsql::timestamp(now),
                   jobsql::timestamp(now.addSecs(ban))});
    if (!q)
        return q.error();
    if (auto s = queueFirewallSyncs(db, tenantId, now); !s)
        return s.error();
    return QJsonObject{{QStringLiteral("offence"), offence}, {QStringLiteral("ban_s"), ban}};
}

} // namespace

Result<int> Remediations::raise(TenantTransaction &tx, const RecordedFinding &f,
                                const GuardianSettings &settings, const QDateTime &now)
{
    if (f.severity != QLatin1String("high") || f.allowlisted)
        return 0;
    QList<std::pair<QString, QString>> tasks; // action, target
    if (!f.address.isEmpty())
        tasks.append({QStringLiteral("block_address"), f.address});
    if (f.kind == QLatin1String("spam_burst") && f.context.resourceType == QLatin1String("mailbox"))
        tasks.append({QStringLiteral("lock_mailbox"), f.context.resource});
    if (!f.context.customerId.isEmpty())
        tasks.append({QStringLiteral("notify_customer"), f.context.customerId});
    int applied = 0;
    for (const auto &[action, target] : std::as_const(tasks)) {
        auto q = sql::exec(
            tx.db(),
            QStringLiteral("INSERT INTO guardian_remediations (tenant_id, finding_id, action, target, "
                           "created_at) VALUES (?, ?, ?, ?, ?::timestamptz) "
                           "ON CONFLICT (finding_id, action) DO NOTHING RETURNING id"),
            {tx.tenantId(), f.id, action, target, jobsql::timestamp(now)});
        if (!q)
            return q.error();
        if (!q->next() || !settings.autoRemediate)
            continue;
        auto done = apply(tx, q->value(0).toString(), QStringLiteral("policy"), true, settings, now);
        if (!done)
            return done.error();
        ++applied;
    }
    return applied;
}

Result<QJsonArray> Remediations::list(const QSqlDatabase &db, const QString &status, int limit)
{
    auto q = sql::exec(db,
                       QStringLiteral("SELECT %1 FROM guardian_remediations r JOIN guardian_findings f ON "
                                      "f.id = r.finding_id WHERE (coalesce(?, '') = '' OR r.status = ?) "
                                      "ORDER BY r.status = 'pending' DESC, r.created_at DESC, r.id LIMIT ?")
                           .arg(kColumns),
                       {status, status, limit});
    if (!q)
        return q.error();
    return rowsJson(*q);
}

Result<QJsonObject> Remediations::approve(TenantTransaction &tx, const QString &id, const QString &actor,
                                          const QDateTime &now)
{
    auto settings = GuardianSettingsStore::load(tx.db());
    if (!settings)
        return settings.error();
    return apply(tx, id, actor, false, *settings, now);
}

Result<QJsonObject> Remediations::apply(TenantTransaction &tx, const QString &id, const QString &actor,
                                        bool automatic, const GuardianSettings &settings,
                                        const QDateTime &now)
{
    // Taking the task from pending is what makes it run once: a second approval (or a racing
    // one, which waits for this row) finds it decided.
    auto taken = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE guardian_remediations r SET status = 'applied', decided_by = ?, "
                       "decided_at = ?::timestamptz, automatic = ? FROM guardian_findings f "
                       "WHERE r.id = ? AND r.status = 'pending' AND f.id = r.finding_id "
                       "RETURNING r.action, r.target, r.finding_id, f.kind, f.severity, "
                       "f.resource_type, coalesce(f.resource, ''), coalesce(f.customer_id::text, '')"),
        {actor, jobsql::timestamp(now), automatic, id});
    if (!taken)
        return taken.error();
    if (!taken->next()) {
        auto existing = one(tx.db(), id);
        if (!existing)
            return existing.error();
        return makeError(errors::RemediationDecided,
                         QStringLiteral("the task is %1 already")
                             .arg(existing->value(QStringLiteral("status")).toString()));
    }
    const QString action = taken->value(0).toString(), target = taken->value(1).toString();
    QString result;
    bool ok = true;
    if (action == QLatin1String("block_address")) {
        auto block = blockAddress(tx.db(), tx.tenantId(), id, target, settings, now);
        if (!block)
            return block.error();
        result = QStringLiteral("blocked on every host for %1 s (offence %2)")
                     .arg(block->value(QStringLiteral("ban_s")).toInt())
                     .arg(block->value(QStringLiteral("offence")).toInt());
    } else if (action == QLatin1String("lock_mailbox")) {
        auto locked =
            sql::exec(tx.db(), QStringLiteral("SELECT mpanel_guardian_lock_mailbox(?, ?::timestamptz)"),
                      {target, jobsql::timestamp(now)});
        if (!locked)
            return locked.error();
        ok = locked->next();
        result = ok ? QStringLiteral("mailbox locked") : QStringLiteral("no such mailbox");
    } else {
        events::DomainEvent e;
        e.name = SecurityNoticeEvent;
        e.customerId = target;
        e.subjectId = taken->value(2).toString();
        e.data = QJsonObject{{QStringLiteral("kind"), taken->value(3).toString()},
                             {QStringLiteral("severity"), taken->value(4).toString()},
                             {QStringLiteral("resource_type"), taken->value(5).toString()},
                             {QStringLiteral("resource"), taken->value(6).toString()}};
        if (auto s = events::DomainEvents::announce(tx, e, now); !s)
            return s.error();
        result = QStringLiteral("customer notified");
    }
    auto done = sql::exec(
        tx.db(), QStringLiteral("UPDATE guardian_remediations SET status = ?, result = ? WHERE id = ?"),
        {ok ? QStringLiteral("applied") : QStringLiteral("failed"), result, id});
    if (!done)
        return done.error();
    return one(tx.db(), id);
}

Result<QJsonObject> Remediations::dismiss(const QSqlDatabase &db, const QString &id, const QString &actor,
                                          const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral("UPDATE guardian_remediations SET status = 'dismissed', decided_by = ?, "
                       "decided_at = ?::timestamptz WHERE id = ? AND status = 'pending' RETURNING id"),
        {actor, jobsql::timestamp(now), id});
    if (!q)
        return q.error();
    auto existing = one(db, id);
    if (!existing)
        return existing.error();
    if (!q->next())
        return makeError(errors::RemediationDecided,
                         QStringLiteral("the task is %1 already")
                             .arg(existing->value(QStringLiteral("status")).toString()));
    return existing;
}

Result<QJsonArray> Remediations::blocks(const QSqlDatabase &db, const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT id, address, offence, ban_s, starts_at, expires_at, remediation_id "
                       "FROM guardian_blocks WHERE lifted_at IS NULL AND expires_at > ?::timestamptz "
                       "ORDER BY starts_at DESC, id"),
        {jobsql::timestamp(now)});
    if (!q)
        return q.error();
    return rowsJson(*q);
}

Result<int> Remediations::liftExpired(const QSqlDatabase &db, const QDateTime &now)
{
    auto q =
        sql::exec(db,
                  QStringLiteral("UPDATE guardian_blocks SET lifted_at = expires_at WHERE lifted_at IS NULL "
                                 "AND expires_at <= ?::timestamptz"),
                  {jobsql::timestamp(now)});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

} // namespace mp::guardian
