#include "monitoring/alerts.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_sql_values.h"
#include "module/domain_events.h"

namespace mp::monitoring {

namespace {

QString kindOf(const AlertSubject &s)
{
    if (!s.kind.isEmpty())
        return s.kind;
    return s.checkId.isEmpty() ? QStringLiteral("node_down") : QStringLiteral("check_down");
}

// The condition that finds the subject's alerts, with its two parameters.
QString subjectWhere(const AlertSubject &s)
{
    if (!s.kind.isEmpty())
        return QStringLiteral("kind = ? AND subject_key = ?");
    return s.checkId.isEmpty() ? QStringLiteral("kind = ? AND node_id = ?::uuid")
                               : QStringLiteral("kind = ? AND check_id = ?::uuid");
}

QVariant subjectId(const AlertSubject &s)
{
    if (!s.kind.isEmpty())
        return s.key;
    return s.checkId.isEmpty() ? s.nodeId : s.checkId;
}

Status announce(const QSqlDatabase &db, const QString &tenantId, const QString &event, const QString &alertId,
                const AlertSubject &s, const QDateTime &now)
{
    TenantTransaction tx = TenantTransaction::adopt(db, tenantId);
    QJsonObject data{{QStringLiteral("check"), s.name},
                     {QStringLiteral("target"), s.target},
                     {QStringLiteral("message"), s.message}};
    data.insert(QStringLiteral("kind"), kindOf(s));
    if (!s.checkId.isEmpty())
        data.insert(QStringLiteral("check_id"), s.checkId);
    if (!s.nodeId.isEmpty())
        data.insert(QStringLiteral("node_id"), s.nodeId);
    if (!s.key.isEmpty())
        data.insert(QStringLiteral("key"), s.key);
    return events::DomainEvents::announce(tx, {event, s.customerId, alertId, data}, now);
}

} // namespace

Status Alerts::open(const QSqlDatabase &db, const QString &tenantId, const AlertSubject &s,
                    const QDateTime &now)
{
    auto recent = sql::exec(db,
                            QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE %1 "
                                           "AND opened_at > ?::timestamptz - interval '1 hour'")
                                .arg(subjectWhere(s)),
                            {kindOf(s), subjectId(s), jobsql::timestamp(now)});
    if (!recent)
        return recent.error();
    const bool flapping = recent->next() && recent->value(0).toInt() >= kFlapLimit;
    auto q = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO monitoring_alerts (tenant_id, check_id, node_id, customer_id, kind, subject, "
            "message, flapping, opened_at, subject_key) "
            "VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?::timestamptz, ?) "
            "ON CONFLICT DO NOTHING RETURNING id"),
        {tenantId, jobsql::textOrNull(s.checkId), jobsql::textOrNull(s.nodeId),
         jobsql::textOrNull(s.customerId), kindOf(s), s.name, s.message, flapping, jobsql::timestamp(now),
         jobsql::textOrNull(s.key)});
    if (!q)
        return q.error();
    if (!q->next() || flapping)
        return {}; // already open, or flapping: staff were told when it started
    return announce(db, tenantId, events::MonitoringCheckDown, q->value(0).toString(), s, now);
}

Status Alerts::close(const QSqlDatabase &db, const QString &tenantId, const AlertSubject &s,
                     const QDateTime &now)
{
    auto q = sql::exec(db,
                       QStringLiteral("UPDATE monitoring_alerts SET closed_at = ?::timestamptz "
                                      "WHERE %1 AND closed_at IS NULL RETURNING id, flapping")
                           .arg(subjectWhere(s)),
                       {jobsql::timestamp(now), kindOf(s), subjectId(s)});
    if (!q)
        return q.error();
    if (!q->next() || q->value(1).toBool())
        return {};
    return announce(db, tenantId, events::MonitoringCheckUp, q->value(0).toString(), s, now);
}

} // namespace mp::monitoring
