#include "monitoring/check_poll.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"
#include "monitoring/alerts.h"
#include "monitoring/check_state.h"

namespace mp::monitoring {

namespace {

struct DueCheck {
    CheckDefinition check;
    CheckState state;
    bool nodeDown = false;
};

const QString kDue = QStringLiteral(
    "SELECT c.id, c.name, c.kind, c.target, c.expect_status, c.expect_keyword, c.timeout_ms, c.interval_s, "
    "       c.down_interval_s, c.degraded_ms, c.tls_warn_days, c.fail_threshold, c.recover_threshold, "
    "       c.node_id, c.customer_id, coalesce(s.status, 'unknown'), coalesce(s.consecutive_failures, 0), "
    "       coalesce(s.consecutive_successes, 0), coalesce(n.status = 'down', false), "
    "       c.query_name, c.query_type "
    "FROM monitoring_checks c "
    "LEFT JOIN monitoring_service_status s ON s.check_id = c.id "
    "LEFT JOIN monitoring_nodes n ON n.id = c.node_id "
    "WHERE c.enabled AND c.next_run_at <= ?::timestamptz "
    "ORDER BY c.next_run_at FOR UPDATE OF c SKIP LOCKED");

DueCheck readDue(const QSqlQuery &q)
{
    DueCheck d;
    CheckDefinition &c = d.check;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.kind = q.value(2).toString();
    c.target = q.value(3).toString();
    if (!q.value(4).isNull())
        c.expectStatus = q.value(4).toInt();
    c.expectKeyword = q.value(5).toString();
    c.timeoutMs = q.value(6).toInt();
    c.intervalS = q.value(7).toInt();
    c.downIntervalS = q.value(8).toInt();
    c.degradedMs = q.value(9).toInt();
    c.tlsWarnDays = q.value(10).toInt();
    c.failThreshold = q.value(11).toInt();
    c.recoverThreshold = q.value(12).toInt();
    c.nodeId = q.value(13).toString();
    c.customerId = q.value(14).toString();
    d.state.status = q.value(15).toString();
    d.state.consecutiveFailures = q.value(16).toInt();
    d.state.consecutiveSuccesses = q.value(17).toInt();
    d.nodeDown = q.value(18).toBool();
    c.queryName = q.value(19).toString();
    c.queryType = q.value(20).toString();
    return d;
}

Status store(const QSqlDatabase &db, const QString &tenantId, const DueCheck &d, const CheckResult &result,
             const CheckStep &step, const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO monitoring_service_status AS s (check_id, tenant_id, status, last_result, "
            "latency_ms, "
            "  message, consecutive_failures, consecutive_successes, checked_at, changed_at) "
            "VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz) "
            "ON CONFLICT (check_id) DO UPDATE SET status = excluded.status, last_result = "
            "excluded.last_result, "
            "  latency_ms = excluded.latency_ms, message = excluded.message, "
            "  consecutive_failures = excluded.consecutive_failures, "
            "  consecutive_successes = excluded.consecutive_successes, checked_at = excluded.checked_at, "
            "  changed_at = CASE WHEN s.status = excluded.status THEN s.changed_at ELSE excluded.changed_at "
            "END"),
        {d.check.id, tenantId, step.next.status, result.result,
         result.latencyMs ? QVariant(*result.latencyMs) : QVariant(QMetaType::fromType<int>()),
         result.message, step.next.consecutiveFailures, step.next.consecutiveSuccesses,
         jobsql::timestamp(now), jobsql::timestamp(now)});
    if (!q)
        return q.error();
    // While down (or on the way down) the check is probed at its down interval.
    const bool failing = step.next.status == QLatin1String("down") || result.result == QLatin1String("down");
    const int seconds = failing ? d.check.downIntervalS : d.check.intervalS;
    auto next = sql::exec(
        db, QStringLiteral("UPDATE monitoring_checks SET next_run_at = ?::timestamptz WHERE id = ?::uuid"),
        {jobsql::timestamp(now.addSecs(seconds)), d.check.id});
    if (!next)
        return next.error();
    return {};
}

} // namespace

Result<int> runDueChecks(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now)
{
    auto q = sql::exec(db, kDue, {jobsql::timestamp(now)});
    if (!q)
        return q.error();
    QList<DueCheck> due;
    while (q->next())
        due << readDue(*q);
    for (const DueCheck &d : std::as_const(due)) {
        const CheckResult result = runCheck(d.check, now);
        const CheckStep step = advance(d.state, result, d.check);
        if (auto s = store(db, tenantId, d, result, step, now); !s)
            return s.error();
        AlertSubject subject;
        subject.checkId = d.check.id;
        subject.customerId = d.check.customerId;
        subject.name = d.check.name;
        subject.target = d.check.target;
        subject.message = result.message;
        // A node that is down has its own alert; its services' checks would only repeat it.
        if (step.wentDown && !d.nodeDown) {
            if (auto s = Alerts::open(db, tenantId, subject, now); !s)
                return s.error();
        }
        if (step.cameUp) {
            if (auto s = Alerts::close(db, tenantId, subject, now); !s)
                return s.error();
        }
    }
    return int(due.size());
}

} // namespace mp::monitoring
