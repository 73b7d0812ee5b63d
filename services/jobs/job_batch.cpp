#include "jobs/job_batch.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mp {

namespace {

const QString kClaim = QStringLiteral(
    "WITH c AS ("
    "  SELECT id FROM jobs WHERE status IN ('queued', 'failed') AND run_at <= ?::timestamptz "
    "  ORDER BY priority, run_at, id LIMIT ? FOR UPDATE SKIP LOCKED) "
    "UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, locked_by = ?, "
    "       heartbeat_at = ?::timestamptz, started_at = ?::timestamptz, rerun_requested_at = NULL "
    "FROM c WHERE j.id = c.id "
    "RETURNING j.id, j.tenant_id::text, j.kind, j.payload::text, j.attempts, j.max_attempts, j.priority");

// Read from the row being updated, not from a subquery: an enqueue that marks the job while this
// statement waits for its row lock is then seen after the wait (EvalPlanQual re-reads the row).
#define AGAIN "(j.rerun_requested_at IS NOT NULL AND j.cancel_requested_at IS NULL)"

// Disjoint id sets per CTE, so no row is modified twice in the statement. A completed job that
// was asked for again while it ran (Jobs::enqueue with rerunIfRunning) is queued once more, due
// now, with a fresh attempt budget, and the workers are woken for it.
const QString kFinish = QStringLiteral(
    "WITH done AS ("
    "  UPDATE jobs j SET "
    "         status = (CASE WHEN " AGAIN " THEN 'queued' ELSE 'completed' END)::job_status, "
    "         finished_at = CASE WHEN " AGAIN " THEN NULL ELSE ?::timestamptz END, "
    "         run_at = CASE WHEN " AGAIN " THEN ?::timestamptz ELSE j.run_at END, "
    "         attempts = CASE WHEN " AGAIN " THEN 0 ELSE j.attempts END, "
    "         rerun_requested_at = NULL, locked_by = NULL, heartbeat_at = NULL, last_error = NULL "
    "  FROM (SELECT id, attempts FROM jobs WHERE id = ANY (?::bigint[])) o "
    "  WHERE j.id = o.id AND j.locked_by = ? AND j.status = 'running' "
    "  RETURNING j.id, j.tenant_id, o.attempts, j.status = 'queued' AS again), "
    "ended AS ("
    "  UPDATE jobs j SET status = n.next, last_error = n.error, locked_by = NULL, heartbeat_at = NULL, "
    "         run_at = CASE WHEN n.next = 'failed' "
    "                  THEN ?::timestamptz + make_interval(secs => least(?::float8, ?::float8 * "
    "                       power(2, least(j.attempts - 1, 40))) * (0.75 + random() * 0.5)) "
    "                  ELSE j.run_at END, "
    "         finished_at = CASE WHEN n.next = 'failed' THEN NULL ELSE ?::timestamptz END "
    "  FROM (SELECT o.id, o.error, "
    "          (CASE WHEN o.outcome = 'cancelled' OR x.cancel_requested_at IS NOT NULL THEN 'cancelled' "
    "                WHEN o.outcome = 'permanent' OR x.attempts >= x.max_attempts THEN 'dead' "
    "                ELSE 'failed' END)::job_status AS next "
    "        FROM jsonb_to_recordset(?::jsonb) AS o(id bigint, outcome text, error text) "
    "        JOIN jobs x ON x.id = o.id) n "
    "  WHERE j.id = n.id AND j.locked_by = ? AND j.status = 'running' RETURNING 1), "
    "released AS ("
    "  UPDATE jobs SET attempts = attempts - 1, locked_by = NULL, heartbeat_at = NULL, "
    "         status = (CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled' "
    "                        WHEN attempts > 1 THEN 'failed' ELSE 'queued' END)::job_status, "
    "         finished_at = CASE WHEN cancel_requested_at IS NOT NULL THEN ?::timestamptz END "
    "  WHERE id = ANY (?::bigint[]) AND locked_by = ? AND status = 'running' RETURNING 1), "
    "logged AS ("
    "  INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
    "  SELECT x.job_id, x.tenant_id, x.at, x.attempt, x.line FROM ("
    "    SELECT l.seq, l.job_id, j.tenant_id, l.at, l.attempt, l.line "
    "    FROM jsonb_to_recordset(?::jsonb) AS l(seq integer, job_id bigint, at timestamptz, attempt integer, "
    "         line text) "
    "    JOIN jobs j ON j.id = l.job_id "
    "    UNION ALL "
    "    SELECT 2147483647, id, tenant_id, ?::timestamptz, attempts, "
    "           'asked for again while running: queued to run once more' FROM done WHERE again) x "
    "  ORDER BY x.seq) "
    "SELECT (SELECT count(*) FROM done) + (SELECT count(*) FROM ended) + (SELECT count(*) FROM released), "
    "       (SELECT pg_notify('mpanel_jobs', '') FROM done WHERE again LIMIT 1)");
#undef AGAIN

// Skips rows a worker is completing this instant: they need no heartbeat, and waiting on them
// could deadlock with the completing statement.
const QString kHeartbeat = QStringLiteral("UPDATE jobs SET heartbeat_at = ?::timestamptz WHERE id IN ("
                                          "  SELECT id FROM jobs WHERE id = ANY (?::bigint[]) AND status = "
                                          "'running' FOR NO KEY UPDATE SKIP LOCKED)");

// FOR UPDATE conflicts with the key-share lock a live worker holds on its batch, so only jobs
// whose worker transaction is gone (killed process, lost connection) are taken back.
const QString kTakeBack = QStringLiteral(
    "WITH lost AS ("
    "  UPDATE jobs j SET "
    "         status = (CASE WHEN j.cancel_requested_at IS NOT NULL THEN 'cancelled' "
    "                        WHEN j.attempts >= j.max_attempts THEN 'dead' ELSE 'failed' END)::job_status, "
    "         last_error = 'worker ' || coalesce(j.locked_by, '?') || ' stopped heartbeating', "
    "         finished_at = CASE WHEN j.cancel_requested_at IS NOT NULL OR j.attempts >= j.max_attempts "
    "                            THEN ?::timestamptz END, "
    "         run_at = ?::timestamptz, locked_by = NULL, heartbeat_at = NULL "
    "  WHERE j.id IN (SELECT id FROM jobs WHERE status = 'running' AND heartbeat_at < ?::timestamptz "
    "                 FOR UPDATE SKIP LOCKED) "
    "  RETURNING j.id, j.tenant_id, j.attempts, j.last_error, j.status), "
    "logged AS ("
    "  INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
    "  SELECT id, tenant_id, ?::timestamptz, attempts, 'taken back: ' || last_error || ' (now ' || status || "
    "')' "
    "  FROM lost) "
    "SELECT count(*) FROM lost");

QString outcomeName(JobOutcome::Kind kind)
{
    switch (kind) {
    case JobOutcome::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case JobOutcome::Kind::Permanent:
        return QStringLiteral("permanent");
    case JobOutcome::Kind::Completed:
    case JobOutcome::Kind::Failed:
    case JobOutcome::Kind::Released:
        break;
    }
    return QStringLiteral("failed");
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Status run(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return sql::fromSqlError(query.lastError(), what);
    return {};
}

} // namespace

QString idArray(const QList<qint64> &ids)
{
    QString text = QStringLiteral("{");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            text += u',';
        text += QString::number(ids.at(i));
    }
    return text + u'}';
}

JobBatchQueries::JobBatchQueries(const QSqlDatabase &db) : m_db(db), m_claim(db), m_finish(db) {}

Status JobBatchQueries::prepare()
{
    for (auto [query, text] : {std::pair{&m_claim, &kClaim}, {&m_finish, &kFinish}}) {
        query->setForwardOnly(true);
        if (!query->prepare(*text))
            return sql::fromSqlError(query->lastError(), QStringLiteral("preparing the job queries"));
    }
    return {};
}

Result<QList<ClaimedJob>> JobBatchQueries::claim(int limit, const QString &worker, const QDateTime &now)
{
    const QString at = jobsql::timestamp(now);
    m_claim.bindValue(0, at);
    m_claim.bindValue(1, limit);
    m_claim.bindValue(2, worker);
    m_claim.bindValue(3, at);
    m_claim.bindValue(4, at);
    if (auto s = run(m_claim, QStringLiteral("claiming jobs")); !s)
        return s.error();
    QList<ClaimedJob> jobs;
    while (m_claim.next()) {
        ClaimedJob job;
        job.id = m_claim.value(0).toLongLong();
        job.tenantId = m_claim.value(1).toString();
        job.kind = m_claim.value(2).toString();
        job.payload = QJsonDocument::fromJson(m_claim.value(3).toString().toUtf8()).object();
        job.attempt = m_claim.value(4).toInt();
        job.maxAttempts = m_claim.value(5).toInt();
        job.priority = m_claim.value(6).toInt();
        jobs << job;
    }
    m_claim.finish();
    // RETURNING has no order; run the batch in the order it was claimed in.
    std::sort(jobs.begin(), jobs.end(), [](const ClaimedJob &a, const ClaimedJob &b) {
        return a.priority != b.priority ? a.priority < b.priority : a.id < b.id;
    });
    return jobs;
}

Result<int> JobBatchQueries::finish(const QList<JobOutcome> &outcomes, const QString &worker,
                                    const QDateTime &now, const Backoff &backoff)
{
    QList<qint64> completed, released;
    QJsonArray failures, lines;
    for (const JobOutcome &o : outcomes) {
        switch (o.kind) {
        case JobOutcome::Kind::Completed:
            completed << o.id;
            break;
        case JobOutcome::Kind::Released:
            released << o.id;
            break;
        case JobOutcome::Kind::Failed:
        case JobOutcome::Kind::Cancelled:
        case JobOutcome::Kind::Permanent:
            failures.append(QJsonObject{{QStringLiteral("id"), o.id},
                                        {QStringLiteral("outcome"), outcomeName(o.kind)},
                                        {QStringLiteral("error"), o.error}});
            break;
        }
        for (const JobContext::LogEntry &entry : o.log)
            lines.append(QJsonObject{{QStringLiteral("seq"), int(lines.size())},
                                     {QStringLiteral("job_id"), o.id},
                                     {QStringLiteral("at"), jobsql::timestamp(entry.at)},
                                     {QStringLiteral("attempt"), o.attempt},
                                     {QStringLiteral("line"), entry.line}});
    }
    const QString at = jobsql::timestamp(now);
    const QVariant values[] = {at,
                               at,
                               idArray(completed),
                               worker,
                               at,
                               backoff.capSeconds,
                               backoff.baseSeconds,
                               at,
                               compactJson(failures),
                               worker,
                               at,
                               idArray(released),
                               worker,
                               compactJson(lines),
                               at};
    for (int i = 0; i < int(std::size(values)); ++i)
        m_finish.bindValue(i, values[i]);
    if (auto s = run(m_finish, QStringLiteral("recording job outcomes")); !s)
        return s.error();
    const int owned = m_finish.next() ? m_finish.value(0).toInt() : 0;
    m_finish.finish();
    return owned;
}

namespace JobMaintenance {

Status heartbeat(const QSqlDatabase &db, const QList<qint64> &ids, const QDateTime &now)
{
    if (ids.isEmpty())
        return {};
    auto q = sql::exec(db, kHeartbeat, {jobsql::timestamp(now), idArray(ids)});
    if (!q)
        return q.error();
    return {};
}

Result<int> takeBackLost(const QSqlDatabase &db, const QDateTime &now, qint64 timeoutMs)
{
    const QString at = jobsql::timestamp(now);
    auto q = sql::exec(db, kTakeBack, {at, at, jobsql::timestamp(now.addMSecs(-timeoutMs)), at});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

} // namespace JobMaintenance

} // namespace mp
