#pragma once

#include "core/result.h"
#include "jobs/job_context.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace mp {

struct ClaimedJob {
    qint64 id = 0;
    QString tenantId;
    QString kind;
    QJsonObject payload;
    int attempt = 0;
    int maxAttempts = 0;
};

struct JobOutcome {
    enum class Kind {
        Completed,
        Failed,    // retried after a backoff, or dead after the last attempt
        Cancelled, // the handler stopped on a cancel request
        Permanent, // dead now: retrying cannot help
        Released,  // never ran or interrupted by shutdown: handed back, the attempt does not count
    };
    qint64 id = 0;
    Kind kind = Kind::Completed;
    QString error;
    int attempt = 0;
    QList<JobContext::LogEntry> log;
    QString tenantId; // of the job, for its log lines
};

struct Backoff {
    double baseSeconds = 5;
    double capSeconds = 6 * 3600;
};

// A worker's SQL, prepared once per connection and reused: claiming a batch, and writing every
// outcome of the batch in one statement. Both work on the partitions of `jobs` (migration 0020)
// directly and notify the console of each tenant they touched themselves.
class JobBatchQueries {
public:
    explicit JobBatchQueries(const QSqlDatabase &db);
    Status prepare();

    // Marks up to `limit` due jobs running for `worker`: other workers skip rows this claim has
    // locked, so each job goes to exactly one worker. Outside a transaction it commits at once;
    // inside the transaction that finishes the previous batch it commits with that batch.
    Result<QList<ClaimedJob>> claim(int limit, const QString &worker, const QDateTime &now);
    // Completion, failures (with backoff), hand-backs and log lines, one statement, inside the
    // work transaction. Jobs that end (completed, dead, cancelled) move from jobs_pending to
    // jobs_finished; the others are updated where they are. Touches only jobs still running for `worker` and
    // returns how many those were: fewer than the outcomes means a job was taken back meanwhile (its worker
    // looked dead), and the caller must roll the whole batch back. The rows it updated stay locked until the
    // commit, and the take-back skips locked rows, so a job cannot be lost between this statement and the
    // commit.
    Result<int> finish(const QList<JobOutcome> &outcomes, const QString &worker, const QDateTime &now,
                       const Backoff &backoff);

private:
    QSqlDatabase m_db;
    QSqlQuery m_claim, m_lock, m_finish;
};

// The supervisor's SQL, on its own connection.
namespace JobMaintenance {
// Refreshes heartbeat_at of the given running jobs (rows being completed right now are skipped).
Status heartbeat(const QSqlDatabase &db, const QList<qint64> &ids, const QDateTime &now);
// Jobs running with no heartbeat since `now - timeoutMs` and no live worker transaction: back to
// failed (due now), or dead after their last attempt, with a line in their log. Returns how many.
Result<int> takeBackLost(const QSqlDatabase &db, const QDateTime &now, qint64 timeoutMs);
} // namespace JobMaintenance

QString idArray(const QList<qint64> &ids);

} // namespace mp
