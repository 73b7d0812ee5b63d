#include "jobs/job_dashboard.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"

#include <QSqlQuery>

namespace mp {

namespace {

// Every status of the enum, so the dashboard shows a zero rather than nothing.
const QString kCountsByStatus = QStringLiteral("SELECT s.status::text, count(j.id) "
                                               "FROM unnest(enum_range(NULL::job_status)) AS s(status) "
                                               "LEFT JOIN jobs j ON j.status = s.status "
                                               "GROUP BY s.status ORDER BY s.status");

const QString kRecentFailures =
    QStringLiteral("SELECT id, kind, status::text, attempts, max_attempts, coalesce(last_error, ''), "
                   "       coalesce(related_type, ''), coalesce(related_id, ''), coalesce(finished_at, "
                   "started_at, created_at) "
                   "FROM jobs WHERE status IN ('failed', 'dead') "
                   "  AND coalesce(finished_at, started_at, created_at) > ?::timestamptz "
                   "ORDER BY coalesce(finished_at, started_at, created_at) DESC, id DESC LIMIT ?");

} // namespace

Result<JobDashboard> JobDashboard::load(const QSqlDatabase &db, const QDateTime &now)
{
    JobDashboard dashboard;
    auto counts = sql::exec(db, kCountsByStatus);
    if (!counts)
        return counts.error();
    while (counts->next())
        dashboard.countsByStatus.insert(counts->value(0).toString(), counts->value(1).toLongLong());
    auto failures =
        sql::exec(db, kRecentFailures, {jobsql::timestamp(now.addSecs(-24 * 3600)), kMaxFailures});
    if (!failures)
        return failures.error();
    while (failures->next()) {
        JobFailure f;
        f.id = failures->value(0).toLongLong();
        f.kind = failures->value(1).toString();
        f.status = jobStatusFromString(failures->value(2).toString()).value_or(JobStatus::Failed);
        f.attempts = failures->value(3).toInt();
        f.maxAttempts = failures->value(4).toInt();
        f.lastError = failures->value(5).toString();
        f.relatedType = failures->value(6).toString();
        f.relatedId = failures->value(7).toString();
        f.at = failures->value(8).toDateTime();
        dashboard.recentFailures << f;
    }
    return dashboard;
}

} // namespace mp
