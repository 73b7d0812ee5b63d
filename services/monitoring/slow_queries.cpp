#include "monitoring/slow_queries.h"

#include "db/sql.h"
#include "jobs/job_context.h"
#include "jobs/job_sql_values.h"
#include "monitoring/alerts.h"
#include "monitoring/job_failure_alerts.h"

namespace mp::monitoring {

QJsonObject SlowQuery::toJson() const
{
    QJsonObject o{{QStringLiteral("queryid"), QString::number(queryId)},
                  {QStringLiteral("query"), query},
                  {QStringLiteral("calls"), calls},
                  {QStringLiteral("mean_ms"), meanMs},
                  {QStringLiteral("max_ms"), maxMs}};
    if (totalMs > 0)
        o.insert(QStringLiteral("total_ms"), totalMs);
    if (firstSeen.isValid())
        o.insert(QStringLiteral("first_seen"), firstSeen.toUTC().toString(Qt::ISODateWithMs));
    if (lastSeen.isValid())
        o.insert(QStringLiteral("last_seen"), lastSeen.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

Result<bool> SlowQueries::snapshot(const QSqlDatabase &db, const QDateTime &now, const Options &options)
{
    auto q = sql::exec(db,
                       QStringLiteral("SELECT mpanel_monitoring_snapshot_statements(?::timestamptz, "
                                      "make_interval(secs => ?), ?, make_interval(days => ?))"),
                       {jobsql::timestamp(now), options.minGapS, options.thresholdMs, options.keepDays});
    if (!q)
        return q.error();
    return q->next() && !q->value(0).isNull();
}

Result<QList<SlowQuery>> SlowQueries::window(const QSqlDatabase &db, const QDateTime &from,
                                             const QDateTime &to, double minMeanMs)
{
    // The first snapshot of the window is the last one taken at or before `from` (or the first
    // one after it, when the history starts later).
    auto q = sql::exec(
        db,
        QStringLiteral(
            "WITH a AS (SELECT id, taken_at FROM monitoring_statement_snapshots "
            "           ORDER BY (taken_at <= ?::timestamptz) DESC, "
            "                    CASE WHEN taken_at <= ?::timestamptz THEN taken_at END DESC, taken_at LIMIT "
            "1), "
            "     b AS (SELECT id, taken_at FROM monitoring_statement_snapshots WHERE taken_at <= "
            "?::timestamptz "
            "           ORDER BY taken_at DESC LIMIT 1) "
            "SELECT n.queryid, n.query, n.calls - coalesce(o.calls, 0), "
            "       n.total_exec_ms - coalesce(o.total_exec_ms, 0), n.max_exec_ms, a.taken_at, b.taken_at "
            "FROM a CROSS JOIN b JOIN monitoring_statement_counters n ON n.snapshot_id = b.id "
            "LEFT JOIN monitoring_statement_counters o ON o.snapshot_id = a.id AND o.queryid = n.queryid "
            "WHERE b.taken_at > a.taken_at AND n.calls > coalesce(o.calls, 0) "
            "  AND (n.total_exec_ms - coalesce(o.total_exec_ms, 0)) / (n.calls - coalesce(o.calls, 0)) >= ? "
            "ORDER BY (n.total_exec_ms - coalesce(o.total_exec_ms, 0)) / (n.calls - coalesce(o.calls, 0)) "
            "DESC "
            "LIMIT 200"),
        {jobsql::timestamp(from), jobsql::timestamp(from), jobsql::timestamp(to), minMeanMs});
    if (!q)
        return q.error();
    QList<SlowQuery> out;
    while (q->next()) {
        SlowQuery s;
        s.queryId = q->value(0).toLongLong();
        s.query = q->value(1).toString();
        s.calls = q->value(2).toLongLong();
        s.totalMs = q->value(3).toDouble();
        s.meanMs = s.calls > 0 ? s.totalMs / double(s.calls) : 0;
        s.maxMs = q->value(4).toDouble();
        s.firstSeen = q->value(5).toDateTime();
        s.lastSeen = q->value(6).toDateTime();
        out << s;
    }
    return out;
}

Result<QList<SlowQuery>> SlowQueries::recorded(const QSqlDatabase &db, int limit)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT queryid, query, calls, mean_ms, max_ms, first_seen, last_seen "
                       "FROM monitoring_slow_queries ORDER BY last_seen DESC, mean_ms DESC LIMIT ?"),
        {limit});
    if (!q)
        return q.error();
    QList<SlowQuery> out;
    while (q->next()) {
        SlowQuery s;
        s.queryId = q->value(0).toLongLong();
        s.query = q->value(1).toString();
        s.calls = q->value(2).toLongLong();
        s.meanMs = q->value(3).toDouble();
        s.maxMs = q->value(4).toDouble();
        s.firstSeen = q->value(5).toDateTime();
        s.lastSeen = q->value(6).toDateTime();
        out << s;
    }
    return out;
}

Status SlowQueries::judgeAlerts(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now)
{
    auto fresh = sql::exec(
        db,
        QStringLiteral("SELECT queryid, query, calls, mean_ms, max_ms FROM monitoring_slow_queries "
                       "WHERE last_seen > ?::timestamptz - make_interval(secs => ?) ORDER BY queryid"),
        {jobsql::timestamp(now), kAlertFreshS});
    if (!fresh)
        return fresh.error();
    QList<AlertSubject> toOpen;
    while (fresh->next()) {
        AlertSubject s;
        s.kind = QStringLiteral("slow_query");
        s.key = fresh->value(0).toString();
        s.name = fresh->value(1).toString().simplified().left(120);
        s.target = QStringLiteral("queryid %1").arg(s.key);
        s.message = QStringLiteral("mean %1 ms, max %2 ms")
                        .arg(fresh->value(3).toDouble(), 0, 'f', 1)
                        .arg(fresh->value(4).toDouble(), 0, 'f', 1);
        toOpen << s;
    }
    for (const AlertSubject &s : std::as_const(toOpen)) {
        if (auto opened = Alerts::open(db, tenantId, s, now); !opened)
            return opened.error();
    }
    auto settled =
        sql::exec(db,
                  QStringLiteral("SELECT a.subject_key, a.subject FROM monitoring_alerts a "
                                 "LEFT JOIN monitoring_slow_queries q ON q.queryid::text = a.subject_key "
                                 "WHERE a.kind = 'slow_query' AND a.closed_at IS NULL "
                                 "  AND coalesce(q.last_seen < ?::timestamptz - interval '1 hour', true)"),
                  {jobsql::timestamp(now)});
    if (!settled)
        return settled.error();
    QList<AlertSubject> toClose;
    while (settled->next()) {
        AlertSubject s;
        s.kind = QStringLiteral("slow_query");
        s.key = settled->value(0).toString();
        s.name = settled->value(1).toString();
        s.target = QStringLiteral("queryid %1").arg(s.key);
        s.message = QStringLiteral("not slow for an hour");
        toClose << s;
    }
    for (const AlertSubject &s : std::as_const(toClose)) {
        if (auto closed = Alerts::close(db, tenantId, s, now); !closed)
            return closed.error();
    }
    return {};
}

Status slowQueryJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    SlowQueries::Options options;
    options.thresholdMs = ctx.payload().value(QStringLiteral("threshold_ms")).toDouble(options.thresholdMs);
    auto taken = SlowQueries::snapshot(*db, ctx.now(), options);
    if (!taken)
        return taken.error();
    if (*taken)
        ctx.log(QStringLiteral("took a pg_stat_statements snapshot"));
    if (auto s = SlowQueries::judgeAlerts(*db, ctx.tenantId(), ctx.now()); !s)
        return s.error();
    return JobFailureAlerts::judge(*db, ctx.tenantId(), ctx.now());
}

} // namespace mp::monitoring
