#include "jobs/builtin_jobs.h"

#include "db/sql.h"
#include "jobs/job_registry.h"
#include "jobs/job_sql_values.h"

namespace mp {

namespace {

constexpr int kMaxSleepMs = 10 * 60 * 1000;

Status sleepJob(JobContext &ctx)
{
    const int ms = ctx.payload().value(QStringLiteral("ms")).toInt(-1);
    if (ms < 0 || ms > kMaxSleepMs)
        return JobContext::permanent(QStringLiteral("payload.ms must be 0 to %1").arg(kMaxSleepMs));
    if (!ctx.sleepFor(ms))
        return ctx.cancelRequested() ? JobContext::cancelled() : JobContext::interrupted();
    ctx.log(QStringLiteral("slept %1 ms").arg(ms));
    return {};
}

// job_log has no foreign key to the partitioned jobs table (migration 0020): the lines go with
// their jobs here.
const QString kPrune = QStringLiteral(
    "WITH gone AS ("
    "  DELETE FROM jobs WHERE status IN ('completed', 'cancelled', 'dead') AND finished_at < ?::timestamptz "
    "  RETURNING id), "
    "lines AS (DELETE FROM job_log WHERE job_id IN (SELECT id FROM gone)) "
    "SELECT count(*) FROM gone");

Status pruneJobs(JobContext &ctx)
{
    const int keepDays = ctx.payload().value(QStringLiteral("keep_days")).toInt(30);
    if (keepDays < 1)
        return JobContext::permanent(QStringLiteral("payload.keep_days must be at least 1"));
    auto db = ctx.db();
    if (!db)
        return db.error();
    // Row-level security limits the DELETE to the job's tenant.
    auto q = sql::exec(db.value(), kPrune, {jobsql::timestamp(ctx.now().addDays(-keepDays))});
    if (!q)
        return q.error();
    const qint64 deleted = q->next() ? q->value(0).toLongLong() : 0;
    ctx.log(QStringLiteral("deleted %1 finished job(s) older than %2 days").arg(deleted).arg(keepDays));
    return {};
}

} // namespace

void registerBuiltinJobs(JobRegistry &registry)
{
    registry.add(QStringLiteral("system.sleep"), sleepJob);
    registry.add(QStringLiteral("system.prune_jobs"), pruneJobs);
    JobSchedule prune;
    prune.name = QStringLiteral("system.prune_jobs.daily");
    prune.kind = QStringLiteral("system.prune_jobs");
    prune.dailyAt = QTime(3, 30);
    registry.addSchedule(prune);
}

} // namespace mp
