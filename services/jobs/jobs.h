#pragma once

#include "core/result.h"
#include "jobs/job_types.h"

#include <QSqlDatabase>

#include <optional>

namespace mp {

struct JobFilter {
    std::optional<JobStatus> status;
    QString kind;
    QString relatedType, relatedId;
    qint64 beforeId = 0; // keyset paging: only jobs with a smaller id (0: from the newest)
    int limit = 100;
};

// The job table as the rest of mPanel sees it: enqueueing inside the caller's transaction, and
// what staff do with jobs (list, read, retry, cancel). Runs on whatever connection it is given:
// inside a TenantTransaction row-level security limits it to that tenant. Times come from
// mp::Clock. The workers' own SQL is in job_batch.cpp.
class Jobs {
public:
    // Inserts the job on `db` in whatever transaction is open there, so it commits or rolls back
    // with the change that caused it. With a unique key that is already pending, returns that
    // job with created = false.
    static Result<EnqueuedJob> enqueue(const QSqlDatabase &db, const JobSpec &spec);
    // Many jobs in one statement; returns how many were inserted (duplicates by unique key are
    // skipped).
    static Result<int> enqueueMany(const QSqlDatabase &db, const QList<JobSpec> &specs);

    static Result<JobRecord> find(const QSqlDatabase &db, qint64 id);
    static Result<QList<JobRecord>> list(const QSqlDatabase &db, const JobFilter &filter);
    static Result<QList<JobLogLine>> log(const QSqlDatabase &db, qint64 id);

    // failed, dead or cancelled -> queued, due now; the attempt limit grows so a dead job gets
    // one more try. `actor` goes into the job's log.
    static Result<JobRecord> retry(const QSqlDatabase &db, qint64 id, const QString &actor);
    // queued or failed -> cancelled. A running job gets a cancel request: its worker is told
    // (NOTIFY) and its handler may stop early; the job ends cancelled unless it completes.
    static Result<JobRecord> cancel(const QSqlDatabase &db, qint64 id, const QString &actor);

    static Status validate(const JobSpec &spec);
};

} // namespace mp
