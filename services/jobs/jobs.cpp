#include "jobs/jobs.h"

#include "core/clock.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/statement_cache.h"
#include "jobs/job_errors.h"
#include "jobs/job_sql_values.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mp {

namespace {

const QString kJobColumns = QStringLiteral(
    "id, tenant_id::text, kind, payload::text, priority, run_at, status::text, attempts, max_attempts, "
    "unique_key, related_type, related_id, last_error, locked_by, heartbeat_at, cancel_requested_at, "
    "created_at, started_at, finished_at");

const QString kInsertJob = QStringLiteral(
    "INSERT INTO jobs (tenant_id, kind, payload, priority, run_at, max_attempts, unique_key, related_type, "
    "related_id, created_at) "
    "VALUES (?::uuid, ?, ?::jsonb, ?, ?::timestamptz, ?, ?, ?, ?, ?::timestamptz)");
const QString kEnqueue = kInsertJob + QStringLiteral(" RETURNING id");
// With a unique key. The only unique index a new (pending) job can meet is the pending
// partition's unique key (migration 0020): a partitioned table takes no conflict target without
// its partition key. Without a key there is nothing to conflict with, and the plain INSERT
// skips the speculative insertion that ON CONFLICT costs per row.
const QString kEnqueueUnique = kInsertJob + QStringLiteral(" ON CONFLICT DO NOTHING RETURNING id");

// Locks the pending job (a claim skips locked rows, so a queued one waits for this transaction)
// and marks it: a claim clears the mark, a completion requeues a marked job (job_batch.cpp).
const QString kMarkRerun =
    QStringLiteral("UPDATE jobs SET rerun_requested_at = ?::timestamptz WHERE tenant_id = ?::uuid "
                   "AND unique_key = ? AND status IN ('queued', 'running', 'failed') RETURNING id");

const QString kPendingByKey =
    QStringLiteral("SELECT id FROM jobs WHERE tenant_id = ?::uuid AND unique_key = ? "
                   "AND status IN ('queued', 'running', 'failed')");

// One statement for any number of jobs: the specs travel as one JSON array.
const QString kEnqueueMany = QStringLiteral(
    "INSERT INTO jobs (tenant_id, kind, payload, priority, run_at, max_attempts, unique_key, related_type, "
    "related_id, created_at) "
    "SELECT s.tenant_id, s.kind, coalesce(s.payload, '{}'), coalesce(s.priority, 0), "
    "       coalesce(s.run_at, ?::timestamptz), coalesce(s.max_attempts, 20), s.unique_key, s.related_type, "
    "       s.related_id, ?::timestamptz "
    "FROM jsonb_to_recordset(?::jsonb) AS s(tenant_id uuid, kind text, payload jsonb, priority smallint, "
    "     run_at timestamptz, max_attempts integer, unique_key text, related_type text, related_id text)");
const QString kEnqueueManyUnique = kEnqueueMany + QStringLiteral(" ON CONFLICT DO NOTHING");

const QString kFind = QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(kJobColumns);

// Each filter is "unset or equal", so one named query serves every combination.
const QString kList =
    QStringLiteral("SELECT %1 FROM jobs "
                   "WHERE (?::job_status IS NULL OR status = ?::job_status) "
                   "  AND (?::text IS NULL OR kind = ?::text) "
                   "  AND (?::text IS NULL OR (related_type = ?::text AND related_id = ?::text)) "
                   "  AND (?::bigint = 0 OR id < ?::bigint) "
                   "ORDER BY id DESC LIMIT ?")
        .arg(kJobColumns);

const QString kLog = QStringLiteral("SELECT at, attempt, line FROM job_log WHERE job_id = ? ORDER BY id");

const QString kRetry = QStringLiteral(
    "WITH r AS ("
    "  UPDATE jobs SET status = 'queued', run_at = ?::timestamptz, locked_by = NULL, heartbeat_at = NULL, "
    "         cancel_requested_at = NULL, finished_at = NULL, max_attempts = greatest(max_attempts, attempts "
    "+ 1) "
    "  WHERE id = ? AND status IN ('failed', 'dead', 'cancelled') RETURNING id, tenant_id, attempts), "
    "l AS (INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
    "      SELECT id, tenant_id, ?::timestamptz, attempts, ? FROM r) "
    "SELECT id, pg_notify('mpanel_jobs', '') FROM r");

// A running job keeps its status (its worker decides how it ends) and records the request.
const QString kCancel = QStringLiteral(
    "WITH c AS ("
    "  UPDATE jobs SET cancel_requested_at = ?::timestamptz, "
    "         status = CASE WHEN status = 'running' THEN status ELSE 'cancelled' END, "
    "         finished_at = CASE WHEN status = 'running' THEN finished_at ELSE ?::timestamptz END "
    "  WHERE id = ? AND (status IN ('queued', 'failed') OR (status = 'running' AND cancel_requested_at IS "
    "NULL)) "
    "  RETURNING id, tenant_id, attempts, status), "
    "l AS (INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
    "      SELECT id, tenant_id, ?::timestamptz, attempts, "
    "             CASE WHEN status = 'running' THEN 'cancel requested by ' ELSE 'cancelled by ' END || ? "
    "FROM c) "
    "SELECT id, status::text, CASE WHEN status = 'running' THEN pg_notify('mpanel_job_cancel', id::text) END "
    "FROM c");

QDateTime utcValue(const QVariant &v)
{
    return v.isNull() ? QDateTime() : v.toDateTime().toUTC();
}

JobRecord readJob(const QSqlQuery &q)
{
    JobRecord r;
    r.id = q.value(0).toLongLong();
    r.tenantId = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    r.priority = q.value(4).toInt();
    r.runAt = utcValue(q.value(5));
    r.status = jobStatusFromString(q.value(6).toString()).value_or(JobStatus::Queued);
    r.attempts = q.value(7).toInt();
    r.maxAttempts = q.value(8).toInt();
    r.uniqueKey = q.value(9).toString();
    r.relatedType = q.value(10).toString();
    r.relatedId = q.value(11).toString();
    r.lastError = q.value(12).toString();
    r.lockedBy = q.value(13).toString();
    r.heartbeatAt = utcValue(q.value(14));
    r.cancelRequestedAt = utcValue(q.value(15));
    r.createdAt = utcValue(q.value(16));
    r.startedAt = utcValue(q.value(17));
    r.finishedAt = utcValue(q.value(18));
    return r;
}

// A JSON string literal: quotes, backslashes and control characters escaped.
void appendJsonString(QString &out, const QString &text)
{
    out += u'"';
    for (QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
}

Error notFound(qint64 id)
{
    return makeError(errors::NotFound, QStringLiteral("there is no job %1").arg(id), QStringLiteral("id"));
}

// Why a retry or cancel did not apply: the job is not there, or it is in the wrong state.
Error transitionError(const QSqlDatabase &db, qint64 id, const QString &action)
{
    auto job = Jobs::find(db, id);
    if (!job)
        return job.error();
    return makeError(
        errors::InvalidTransition,
        QStringLiteral("job %1 is %2 and cannot be %3").arg(id).arg(toString(job->status), action),
        QStringLiteral("status"));
}

} // namespace

Status Jobs::validate(const JobSpec &spec)
{
    static const QRegularExpression kindPattern(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$"));
    if (!kindPattern.match(spec.kind).hasMatch() || spec.kind.size() > 100)
        return makeError(
            errors::InvalidKind,
            QStringLiteral("a job kind is dotted lower-case words, like provisioning.create: '%1'")
                .arg(spec.kind),
            QStringLiteral("kind"));
    if (spec.maxAttempts < 1 || spec.maxAttempts > 1000)
        return makeError(errors::InvalidMaxAttempts, QStringLiteral("max attempts must be 1 to 1000"),
                         QStringLiteral("max_attempts"));
    if (spec.priority < -32768 || spec.priority > 32767)
        return makeError(errors::InvalidPriority, QStringLiteral("priority must fit in 16 bits"),
                         QStringLiteral("priority"));
    if (spec.relatedType.isEmpty() != spec.relatedId.isEmpty())
        return makeError(errors::InvalidRelated,
                         QStringLiteral("a related object needs both a type and an id"),
                         QStringLiteral("related"));
    return {};
}

Result<EnqueuedJob> Jobs::enqueue(const QSqlDatabase &db, const JobSpec &spec)
{
    if (auto s = validate(spec); !s)
        return s.error();
    const QDateTime now = Clock::current().now();
    // One round trip: the INSERT stays prepared on the caller's connection.
    sql::ScopedStatementCache prepared;
    // The pending job may end between the insert and the look-up (its worker commits): then the
    // key is free and the insert goes through on the next round.
    for (int round = 0; round < 3; ++round) {
        auto q = sql::exec(db, spec.uniqueKey.isEmpty() ? kEnqueue : kEnqueueUnique,
                           {spec.tenantId, spec.kind,
                            QString::fromUtf8(QJsonDocument(spec.payload).toJson(QJsonDocument::Compact)),
                            spec.priority, jobsql::timestamp(spec.runAt.isValid() ? spec.runAt : now),
                            spec.maxAttempts, jobsql::textOrNull(spec.uniqueKey),
                            jobsql::textOrNull(spec.relatedType), jobsql::textOrNull(spec.relatedId),
                            jobsql::timestamp(now)});
        if (!q)
            return q.error();
        if (q->next())
            return EnqueuedJob{q->value(0).toLongLong(), true};
        // ON CONFLICT skipped it: the pending job with this key is the answer.
        auto existing =
            spec.rerunIfRunning
                ? sql::exec(db, kMarkRerun, {jobsql::timestamp(now), spec.tenantId, spec.uniqueKey})
                : sql::exec(db, kPendingByKey, {spec.tenantId, spec.uniqueKey});
        if (!existing)
            return existing.error();
        if (existing->next())
            return EnqueuedJob{existing->value(0).toLongLong(), false};
    }
    return makeError(
        errors::Conflict,
        QStringLiteral("a job with unique key '%1' is pending but not visible here").arg(spec.uniqueKey),
        QStringLiteral("unique_key"));
}

Result<int> Jobs::enqueueMany(const QSqlDatabase &db, const QList<JobSpec> &specs)
{
    if (specs.isEmpty())
        return 0;
    // The array's text is written directly (only each payload goes through QJsonDocument):
    // building a QJsonObject per job cost more than PostgreSQL's parse of the whole array.
    QString rows;
    rows.reserve(specs.size() * 120);
    rows += u'[';
    bool anyKey = false;
    for (const JobSpec &spec : specs) {
        if (auto s = validate(spec); !s)
            return s.error();
        if (rows.size() > 1)
            rows += u',';
        rows += QLatin1String("{\"tenant_id\":");
        appendJsonString(rows, spec.tenantId);
        rows += QLatin1String(",\"kind\":");
        appendJsonString(rows, spec.kind);
        rows += QLatin1String(",\"payload\":");
        rows += QString::fromUtf8(QJsonDocument(spec.payload).toJson(QJsonDocument::Compact));
        if (spec.priority != 0)
            rows += QLatin1String(",\"priority\":") + QString::number(spec.priority);
        if (spec.runAt.isValid()) {
            rows += QLatin1String(",\"run_at\":");
            appendJsonString(rows, jobsql::timestamp(spec.runAt));
        }
        if (spec.maxAttempts != 20)
            rows += QLatin1String(",\"max_attempts\":") + QString::number(spec.maxAttempts);
        if (!spec.uniqueKey.isEmpty()) {
            rows += QLatin1String(",\"unique_key\":");
            appendJsonString(rows, spec.uniqueKey);
            anyKey = true;
        }
        if (!spec.relatedType.isEmpty()) {
            rows += QLatin1String(",\"related_type\":");
            appendJsonString(rows, spec.relatedType);
            rows += QLatin1String(",\"related_id\":");
            appendJsonString(rows, spec.relatedId);
        }
        rows += u'}';
    }
    rows += u']';
    const QString now = jobsql::timestamp(Clock::current().now());
    auto q = sql::exec(db, anyKey ? kEnqueueManyUnique : kEnqueueMany, {now, now, rows});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<JobRecord> Jobs::find(const QSqlDatabase &db, qint64 id)
{
    auto q = sql::exec(db, kFind, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(id);
    return readJob(q.value());
}

Result<QList<JobRecord>> Jobs::list(const QSqlDatabase &db, const JobFilter &filter)
{
    const QVariant status = filter.status ? QVariant(toString(*filter.status)) : jobsql::textOrNull({});
    const QVariant kind = jobsql::textOrNull(filter.kind);
    const QVariant relatedType = jobsql::textOrNull(filter.relatedType);
    auto q =
        sql::exec(db, kList,
                  {status, status, kind, kind, relatedType, relatedType, jobsql::textOrNull(filter.relatedId),
                   filter.beforeId, filter.beforeId, qBound(1, filter.limit, 1000)});
    if (!q)
        return q.error();
    QList<JobRecord> jobs;
    while (q->next())
        jobs << readJob(q.value());
    return jobs;
}

Result<QList<JobLogLine>> Jobs::log(const QSqlDatabase &db, qint64 id)
{
    auto q = sql::exec(db, kLog, {id});
    if (!q)
        return q.error();
    QList<JobLogLine> lines;
    while (q->next())
        lines << JobLogLine{utcValue(q->value(0)), q->value(1).toInt(), q->value(2).toString()};
    return lines;
}

Result<JobRecord> Jobs::retry(const QSqlDatabase &db, qint64 id, const QString &actor)
{
    const QString now = jobsql::timestamp(Clock::current().now());
    auto q = sql::exec(db, kRetry, {now, id, now, QStringLiteral("retried by %1").arg(actor)});
    if (!q) {
        if (sql::hasSqlState(q.error(), sql::UniqueViolation))
            return makeError(errors::Conflict,
                             QStringLiteral("another job with the same unique key is already pending"),
                             QStringLiteral("unique_key"));
        return q.error();
    }
    if (!q->next())
        return transitionError(db, id, QStringLiteral("retried"));
    return find(db, id);
}

Result<JobRecord> Jobs::cancel(const QSqlDatabase &db, qint64 id, const QString &actor)
{
    const QString now = jobsql::timestamp(Clock::current().now());
    auto q = sql::exec(db, kCancel, {now, now, id, now, actor});
    if (!q)
        return q.error();
    if (!q->next())
        return transitionError(db, id, QStringLiteral("cancelled"));
    return find(db, id);
}

} // namespace mp
