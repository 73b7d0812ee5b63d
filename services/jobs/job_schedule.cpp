#include "jobs/job_schedule.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"

#include <QJsonDocument>

namespace mp {

namespace {

const QString kEnsureRow = QStringLiteral(
    "INSERT INTO job_schedules (name, last_period) VALUES (?, '-infinity') ON CONFLICT (name) DO NOTHING");

// Advancing the row and inserting the jobs is one statement: an instance that loses the race
// waits on the row lock, re-reads it, finds it advanced, and inserts nothing.
const QString kEnqueuePeriod = QStringLiteral(
    "WITH due AS ("
    "  UPDATE job_schedules SET last_period = ?::timestamptz "
    "  WHERE name = ? AND last_period < ?::timestamptz RETURNING name), "
    "ins AS ("
    "  INSERT INTO jobs (tenant_id, kind, payload, run_at, max_attempts, unique_key, created_at) "
    "  SELECT t.id, ?, ?::jsonb, ?::timestamptz, ?, ?, ?::timestamptz FROM due CROSS JOIN tenants t "
    "  ON CONFLICT DO NOTHING RETURNING tenant_id) "
    // The service's own login has no tenant for the console's trigger (migration 0020) to name.
    "SELECT count(*), count(pg_notify('mpanel_changed_jobs', tenant_id::text)) FROM ins");

} // namespace

QDateTime JobSchedule::periodStart(const QDateTime &now) const
{
    const QDateTime utc = now.toUTC();
    if (everyMs > 0) {
        const qint64 ms = utc.toMSecsSinceEpoch();
        return QDateTime::fromMSecsSinceEpoch(ms - ms % everyMs, Qt::UTC);
    }
    QDateTime today(utc.date(), dailyAt, Qt::UTC);
    return today <= utc ? today : today.addDays(-1);
}

Result<int> enqueueDueSchedules(const QSqlDatabase &db, const QList<JobSchedule> &schedules,
                                const QDateTime &now)
{
    int inserted = 0;
    for (const JobSchedule &schedule : schedules) {
        if (auto q = sql::exec(db, kEnsureRow, {schedule.name}); !q)
            return q.error();
        const QString period = jobsql::timestamp(schedule.periodStart(now));
        const QString at = jobsql::timestamp(now);
        auto q = sql::exec(db, kEnqueuePeriod,
                           {period, schedule.name, period, schedule.kind,
                            QString::fromUtf8(QJsonDocument(schedule.payload).toJson(QJsonDocument::Compact)),
                            at, schedule.maxAttempts,
                            QStringLiteral("schedule:%1:%2").arg(schedule.name, period), at});
        if (!q)
            return q.error();
        if (q->next())
            inserted += q->value(0).toInt();
    }
    return inserted;
}

} // namespace mp
