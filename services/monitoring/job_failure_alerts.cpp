#include "monitoring/job_failure_alerts.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"
#include "monitoring/alerts.h"

#include <QSet>

namespace mp::monitoring {

namespace {

// The failed and dead jobs of the last hour per kind; the index on (tenant_id, status) finds them
// without reading the completed history.
const QString kFailures = QStringLiteral(
    "SELECT kind, count(*), max(coalesce(finished_at, started_at, created_at)), "
    "       (array_agg(last_error ORDER BY coalesce(finished_at, started_at, created_at) DESC))[1] "
    "FROM jobs WHERE status IN ('failed', 'dead') "
    "  AND coalesce(finished_at, started_at, created_at) > ?::timestamptz - interval '1 hour' "
    "GROUP BY kind");

AlertSubject subjectFor(const QString &kind, const QString &message)
{
    AlertSubject s;
    s.kind = QStringLiteral("job_failing");
    s.key = kind;
    s.name = kind;
    s.target = kind;
    s.message = message;
    return s;
}

} // namespace

Status JobFailureAlerts::judge(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now)
{
    auto q = sql::exec(db, kFailures, {jobsql::timestamp(now)});
    if (!q)
        return q.error();
    QSet<QString> failing;
    QList<AlertSubject> toOpen;
    const QDateTime quietSince = now.addSecs(-kQuietMinutes * 60);
    while (q->next()) {
        const QString kind = q->value(0).toString();
        const qint64 failures = q->value(1).toLongLong();
        const bool recent = q->value(2).toDateTime() > quietSince;
        if (recent)
            failing.insert(kind);
        if (failures >= kLimit && recent)
            toOpen << subjectFor(kind, QStringLiteral("%1 job(s) failed in the last hour; the last: %2")
                                           .arg(failures)
                                           .arg(q->value(3).toString().section(QLatin1Char('\n'), 0, 0)));
    }
    for (const AlertSubject &s : std::as_const(toOpen)) {
        if (auto opened = Alerts::open(db, tenantId, s, now); !opened)
            return opened.error();
    }
    auto open = sql::exec(db, QStringLiteral("SELECT subject_key FROM monitoring_alerts "
                                             "WHERE kind = 'job_failing' AND closed_at IS NULL"));
    if (!open)
        return open.error();
    QStringList quiet;
    while (open->next()) {
        if (!failing.contains(open->value(0).toString()))
            quiet << open->value(0).toString();
    }
    for (const QString &kind : std::as_const(quiet)) {
        if (auto closed = Alerts::close(
                db, tenantId,
                subjectFor(kind, QStringLiteral("no failure for %1 minutes").arg(kQuietMinutes)), now);
            !closed)
            return closed.error();
    }
    return {};
}

} // namespace mp::monitoring
