#include "jobs/job_batch.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mp {

namespace {

// Claims on the pending partition (migration 0020) and notifies the console of each tenant in
// the batch: the workers' statements bypass the session-tenant trigger on `jobs`.
const QString kClaim = QStringLiteral(
    "WITH c AS ("
    "  UPDATE jobs_pending j SET status = 'running', attempts = j.attempts + 1, locked_by = ?, "
    "         heartbeat_at = ?::timestamptz, started_at = ?::timestamptz, rerun_requested_at = NULL "
    // An array, not a join: the generic plan of a join hashes the whole partition.
    "  WHERE j.id = ANY (ARRAY("
    "    SELECT id FROM jobs_pending WHERE status IN ('queued', 'failed') AND run_at <= ?::timestamptz "
    "    ORDER BY priority, run_at, id LIMIT ? FOR UPDATE SKIP LOCKED)) "
    "  RETURNING j.id, j.tenant_id, j.kind, j.payload, j.attempts, j.max_attempts, j.priority) "
    "SELECT id, tenant_id::text, kind, payload::text, attempts, max_attempts, "
    "       (SELECT count(pg_notify('mpanel_changed_jobs', d.t::text)) "
    "        FROM (SELECT DISTINCT tenant_id FROM c) d(t)) "
    "FROM c ORDER BY priority, id");

// The columns a job carries from jobs_pending to jobs_finished, in the order of kFinishedValues.
#define FINISHED_COLUMNS                                                                                     \
    "id, tenant_id, kind, payload, priority, run_at, status, attempts, max_attempts, unique_key, "           \
    "related_type, related_id, last_error, locked_by, heartbeat_at, cancel_requested_at, created_at, "       \
    "started_at, finished_at, rerun_requested_at"
#define NEXT_STATUS                                                                                          \
    "mpanel_job_next_status(o.outcome, j.attempts, j.max_attempts, j.cancel_requested_at, "                  \
    "j.rerun_requested_at)"

// The outcomes travel as parallel arrays (no JSON for a batch without log lines). Each job's next
// status is read from its row as the statement locks it (mpanel_job_next_status, migration 0020),
// so a rerun or cancel asked for while it ran is seen. Jobs that end move to jobs_finished
// (delete + insert: the pending partition keeps only open work); the rest are updated in place.
// A completed job that was asked for again while it ran (Jobs::enqueue with rerunIfRunning) is
// queued once more, due now, with a fresh attempt budget, and the workers are woken for it.
const QString kFinish = QStringLiteral(
    "WITH o AS MATERIALIZED ("
    "  SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::integer[]) AS o(id, outcome, error, "
    "attempt)), "
    "moved AS ("
    "  DELETE FROM jobs_pending j USING o "
    "  WHERE j.id = o.id AND j.locked_by = ? AND j.status = 'running' "
    "    AND " NEXT_STATUS " IN ('completed', 'dead', 'cancelled') "
    "  RETURNING j.*, o.outcome, o.error), "
    "finished AS ("
    "  INSERT INTO jobs_finished (" FINISHED_COLUMNS ") "
    "  SELECT id, tenant_id, kind, payload, priority, run_at, "
    "         mpanel_job_next_status(outcome, attempts, max_attempts, cancel_requested_at, "
    "rerun_requested_at), "
    "         CASE WHEN outcome = 'released' THEN attempts - 1 ELSE attempts END, max_attempts, unique_key, "
    "         related_type, related_id, "
    "         CASE outcome WHEN 'completed' THEN NULL WHEN 'released' THEN last_error ELSE error END, "
    "         NULL, NULL, cancel_requested_at, created_at, started_at, ?::timestamptz, "
    "         CASE WHEN outcome = 'completed' THEN NULL ELSE rerun_requested_at END "
    "  FROM moved), "
    "kept AS ("
    "  UPDATE jobs_pending j SET status = " NEXT_STATUS ", locked_by = NULL, heartbeat_at = NULL, "
    "         finished_at = NULL, "
    "         attempts = CASE o.outcome WHEN 'completed' THEN 0 WHEN 'released' THEN j.attempts - 1 "
    "                    ELSE j.attempts END, "
    "         last_error = CASE o.outcome WHEN 'completed' THEN NULL WHEN 'released' THEN j.last_error "
    "                      ELSE o.error END, "
    "         rerun_requested_at = CASE WHEN o.outcome = 'completed' THEN NULL ELSE j.rerun_requested_at "
    "END, "
    "         run_at = CASE o.outcome WHEN 'completed' THEN ?::timestamptz WHEN 'released' THEN j.run_at "
    "                  ELSE ?::timestamptz + make_interval(secs => least(?::float8, ?::float8 * "
    "                       power(2, least(j.attempts - 1, 40))) * (0.75 + random() * 0.5)) END "
    "  FROM o "
    "  WHERE j.id = o.id AND j.locked_by = ? AND j.status = 'running' "
    "    AND " NEXT_STATUS " IN ('queued', 'failed') "
    "  RETURNING j.id, j.tenant_id, o.outcome, o.attempt), "
    "logged AS ("
    "  INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
    "  SELECT x.job_id, x.tenant_id, x.at, x.attempt, x.line FROM ("
    "    SELECT l.seq, l.job_id, l.tenant_id, l.at, l.attempt, l.line "
    "    FROM jsonb_to_recordset(?::jsonb) AS l(seq integer, job_id bigint, tenant_id uuid, at timestamptz, "
    "         attempt integer, line text) "
    "    UNION ALL "
    "    SELECT 2147483647, id, tenant_id, ?::timestamptz, attempt, "
    "           'asked for again while running: queued to run once more' FROM kept WHERE outcome = "
    "'completed') x "
    "  ORDER BY x.seq) "
    "SELECT (SELECT count(*) FROM moved) + (SELECT count(*) FROM kept), "
    "       (SELECT count(pg_notify('mpanel_changed_jobs', d.t::text)) "
    "        FROM (SELECT tenant_id FROM moved UNION SELECT tenant_id FROM kept) d(t)), "
    "       (SELECT pg_notify('mpanel_jobs', '') FROM kept WHERE outcome = 'completed' LIMIT 1)");
#undef NEXT_STATUS

// Locks the batch's rows before kFinish, in a statement of its own. kFinish decides between
// moving a job and keeping it (a rerun asked for while it ran) in two sub-statements that read one
// snapshot: when a rerun mark commits while kFinish waits for its row, the sub-statement whose
// condition failed on the old row version never re-reads it, so neither takes the job, the batch
// counts it lost, and it sat "running" until taken back 30 s later. Once locked here, kFinish's
// own, later snapshot has every committed mark, and nothing can change the rows any more.
const QString kLockBatch = QStringLiteral(
    "SELECT count(*) FROM (SELECT 1 FROM jobs_pending WHERE id = ANY (?::bigint[]) AND locked_by = ? "
    "AND status = 'running' FOR UPDATE) AS locked");

// Skips rows a worker is completing this instant: they need no heartbeat, and waiting on them
// could deadlock with the completing statement. No index covers heartbeat_at, so this is a HOT
// update.
const QString kHeartbeat =
    QStringLiteral("UPDATE jobs_pending SET heartbeat_at = ?::timestamptz WHERE id IN ("
                   "  SELECT id FROM jobs_pending WHERE id = ANY (?::bigint[]) AND status = 'running' "
                   "  FOR NO KEY UPDATE SKIP LOCKED)");

// Running jobs whose heartbeat stopped. A live worker's finishing statement holds its rows, and
// SKIP LOCKED passes them by, so only jobs whose worker is gone (killed process, lost connection)
// are taken back: to failed (due now), or moved to jobs_finished as dead (last attempt) or
// cancelled (cancel requested).
const QString kTakeBack = QStringLiteral(
    "WITH lost AS ("
    "  SELECT id FROM jobs_pending WHERE status = 'running' AND heartbeat_at < ?::timestamptz "
    "  FOR UPDATE SKIP LOCKED), "
    "moved AS ("
    "  DELETE FROM jobs_pending j USING lost WHERE j.id = lost.id "
    "    AND (j.cancel_requested_at IS NOT NULL OR j.attempts >= j.max_attempts) RETURNING j.*), "
    "finished AS ("
    "  INSERT INTO jobs_finished (" FINISHED_COLUMNS ") "
    "  SELECT id, tenant_id, kind, payload, priority, ?::timestamptz, "
    "         (CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled' ELSE 'dead' END)::job_status, "
    "         attempts, max_attempts, unique_key, related_type, related_id, "
    "         'worker ' || coalesce(locked_by, '?') || ' stopped heartbeating', NULL, NULL, "
    "         cancel_requested_at, created_at, started_at, ?::timestamptz, rerun_requested_at "
    "  FROM moved RETURNING id, tenant_id, attempts, last_error, status), "
    "kept AS ("
    "  UPDATE jobs_pending j SET status = 'failed', run_at = ?::timestamptz, locked_by = NULL, "
    "         heartbeat_at = NULL, last_error = 'worker ' || coalesce(j.locked_by, '?') || ' stopped "
    "heartbeating' "
    "  FROM lost WHERE j.id = lost.id AND j.cancel_requested_at IS NULL AND j.attempts < j.max_attempts "
    "  RETURNING j.id, j.tenant_id, j.attempts, j.last_error, j.status), "
    "taken AS (SELECT * FROM finished UNION ALL SELECT * FROM kept), "
    "logged AS ("
    "  INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
    "  SELECT id, tenant_id, ?::timestamptz, attempts, 'taken back: ' || last_error || ' (now ' || status || "
    "')' "
    "  FROM taken) "
    "SELECT count(*), (SELECT count(pg_notify('mpanel_changed_jobs', d.t::text)) "
    "                  FROM (SELECT DISTINCT tenant_id FROM taken) d(t)) "
    "FROM taken");
#undef FINISHED_COLUMNS

const char *outcomeName(JobOutcome::Kind kind)
{
    switch (kind) {
    case JobOutcome::Kind::Completed:
        return "completed";
    case JobOutcome::Kind::Cancelled:
        return "cancelled";
    case JobOutcome::Kind::Permanent:
        return "permanent";
    case JobOutcome::Kind::Released:
        return "released";
    case JobOutcome::Kind::Failed:
        break;
    }
    return "failed";
}

// A PostgreSQL array literal element: NULL, or the text quoted with " and \ escaped.
void appendArrayElement(QString &text, const QString &value, bool null)
{
    if (null) {
        text += QLatin1String("NULL");
        return;
    }
    text += u'"';
    for (QChar c : value) {
        if (c == u'"' || c == u'\\')
            text += u'\\';
        text += c;
    }
    text += u'"';
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

JobBatchQueries::JobBatchQueries(const QSqlDatabase &db) : m_db(db), m_claim(db), m_lock(db), m_finish(db) {}

Status JobBatchQueries::prepare()
{
    for (auto [query, text] : {std::pair{&m_claim, &kClaim}, {&m_lock, &kLockBatch}, {&m_finish, &kFinish}}) {
        query->setForwardOnly(true);
        if (!query->prepare(*text))
            return sql::fromSqlError(query->lastError(), QStringLiteral("preparing the job queries"));
    }
    return {};
}

Result<QList<ClaimedJob>> JobBatchQueries::claim(int limit, const QString &worker, const QDateTime &now)
{
    const QString at = jobsql::timestamp(now);
    m_claim.bindValue(0, worker);
    m_claim.bindValue(1, at);
    m_claim.bindValue(2, at);
    m_claim.bindValue(3, at);
    m_claim.bindValue(4, limit);
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
        jobs << job;
    }
    m_claim.finish();
    return jobs;
}

Result<int> JobBatchQueries::finish(const QList<JobOutcome> &outcomes, const QString &worker,
                                    const QDateTime &now, const Backoff &backoff)
{
    // Four parallel arrays: id, outcome, error (NULL when none), attempt.
    QString ids = QStringLiteral("{"), kinds = QStringLiteral("{"), errors = QStringLiteral("{"),
            attempts = QStringLiteral("{");
    QJsonArray lines;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const JobOutcome &o = outcomes.at(i);
        if (i) {
            ids += u',';
            kinds += u',';
            errors += u',';
            attempts += u',';
        }
        ids += QString::number(o.id);
        kinds += QLatin1String(outcomeName(o.kind));
        appendArrayElement(errors, o.error,
                           o.kind == JobOutcome::Kind::Completed || o.kind == JobOutcome::Kind::Released);
        attempts += QString::number(o.attempt);
        for (const JobContext::LogEntry &entry : o.log)
            lines.append(QJsonObject{{QStringLiteral("seq"), int(lines.size())},
                                     {QStringLiteral("job_id"), o.id},
                                     {QStringLiteral("tenant_id"), o.tenantId},
                                     {QStringLiteral("at"), jobsql::timestamp(entry.at)},
                                     {QStringLiteral("attempt"), o.attempt},
                                     {QStringLiteral("line"), entry.line}});
    }
    for (QString *text : {&ids, &kinds, &errors, &attempts})
        *text += u'}';
    const QString at = jobsql::timestamp(now);
    const QVariant values[] = {ids,
                               kinds,
                               errors,
                               attempts,
                               worker,
                               at,
                               at,
                               at,
                               backoff.capSeconds,
                               backoff.baseSeconds,
                               worker,
                               lines.isEmpty()
                                   ? QStringLiteral("[]")
                                   : QString::fromUtf8(QJsonDocument(lines).toJson(QJsonDocument::Compact)),
                               at};
    m_lock.bindValue(0, ids);
    m_lock.bindValue(1, worker);
    if (auto s = run(m_lock, QStringLiteral("locking the batch")); !s)
        return s.error();
    m_lock.finish();
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
    auto q = sql::exec(db, kTakeBack, {jobsql::timestamp(now.addMSecs(-timeoutMs)), at, at, at, at});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

} // namespace JobMaintenance

} // namespace mp
