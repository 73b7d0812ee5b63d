#include "monitoring/monitoring_poll.h"

#include "db/sql.h"
#include "jobs/job_context.h"
#include "jobs/job_sql_values.h"
#include "monitoring/check_poll.h"
#include "monitoring/node_poll.h"

namespace mp::monitoring {

Status pollJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    const QDateTime now = ctx.now();
    auto prepared =
        sql::exec(*db, QStringLiteral("SELECT mpanel_monitoring_prepare_partitions(?::timestamptz)"),
                  {jobsql::timestamp(now)});
    if (!prepared)
        return prepared.error();
    auto nodes = pollNodes(*db, ctx.tenantId(), now);
    if (!nodes)
        return nodes.error();
    auto checks = runDueChecks(*db, ctx.tenantId(), now);
    if (!checks)
        return checks.error();
    auto dropped = sql::exec(*db, QStringLiteral("SELECT mpanel_monitoring_drop_partitions(?::timestamptz)"),
                             {jobsql::timestamp(now.addSecs(-kRawRetentionHours * 3600))});
    if (!dropped)
        return dropped.error();
    const int droppedCount = dropped->next() ? dropped->value(0).toInt() : 0;
    auto rolled = sql::exec(*db, QStringLiteral("SELECT mpanel_monitoring_rollup(?::timestamptz)"),
                            {jobsql::timestamp(now)});
    if (!rolled)
        return rolled.error();
    if (*nodes > 0 || *checks > 0 || droppedCount > 0)
        ctx.log(QStringLiteral("scraped %1 node(s), ran %2 check(s), dropped %3 sample partition(s)")
                    .arg(*nodes)
                    .arg(*checks)
                    .arg(droppedCount));
    return {};
}

} // namespace mp::monitoring
