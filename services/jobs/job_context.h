#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>
#include <functional>

namespace mp {

// What a job's handler sees of the job and of the engine.
//
// Database effects: db() is the worker's open transaction, scoped to the job's tenant by
// row-level security (the same SET LOCAL ROLE mpanel_app + tenant setting a TenantTransaction
// uses) under a savepoint. The job's completion is written in that same transaction, so a
// handler's database changes commit exactly when its job is marked completed; when the handler
// fails they are rolled back with its savepoint. A handler that never calls db() costs no
// round trips. Effects outside the database (provider HTTP calls) can happen twice (a worker may
// die after the call and before the commit), so they must be idempotent: pass the job id as
// the provider's idempotency key.
class JobContext {
public:
    struct Stop {
        const std::atomic_bool *cancel = nullptr;   // staff asked to cancel this job
        const std::atomic_bool *shutdown = nullptr; // the service is stopping
    };
    // How db() opens the tenant scope; supplied by the worker.
    using ScopeOpener = std::function<Result<QSqlDatabase>()>;

    JobContext(qint64 id, QString tenantId, QString kind, QJsonObject payload, int attempt, int maxAttempts,
               Stop stop, ScopeOpener opener);

    qint64 jobId() const { return m_id; }
    const QString &tenantId() const { return m_tenantId; }
    const QString &kind() const { return m_kind; }
    const QJsonObject &payload() const { return m_payload; }
    int attempt() const { return m_attempt; } // 1 on the first run
    int maxAttempts() const { return m_maxAttempts; }
    bool lastAttempt() const { return m_attempt >= m_maxAttempts; }
    // The service clock's time (tests move it).
    QDateTime now() const;

    // Adds a timestamped line to the job's log. The worker writes it at once in its own short
    // transaction, so staff watch a long job's progress while it runs (and keep the lines of an
    // attempt that was killed); if that write fails, the line is stored with the attempt's
    // outcome instead.
    void log(const QString &line);

    // The tenant-scoped transaction; check the result: the connection may be gone.
    Result<QSqlDatabase> db();
    bool usedDatabase() const { return m_scopeOpen; }

    bool cancelRequested() const { return m_stop.cancel && m_stop.cancel->load(); }
    bool shuttingDown() const { return m_stop.shutdown && m_stop.shutdown->load(); }
    bool stopRequested() const { return cancelRequested() || shuttingDown(); }
    // Sleeps up to `ms` in short steps; false when a cancel or shutdown cut it short.
    bool sleepFor(int ms) const;

    // Errors with a meaning to the engine (anything else is a failure to retry with backoff):
    // the handler stopped because of a cancel request -> the job ends cancelled;
    static Error cancelled();
    // it stopped for the shutdown -> handed back, the attempt does not count;
    static Error interrupted();
    // retrying cannot help (bad payload, unknown object) -> dead now.
    static Error permanent(const QString &message);

    // How a handler's run ended, read from the Status it returned: the one place that maps the
    // errors above back to what the engine does.
    enum class Ending {
        Succeeded,
        RetryLater, // any other error: retried after a backoff, dead after the last attempt
        Permanent,
        Cancelled,
        Interrupted,
    };
    static Ending endingOf(const Status &status);

    struct LogEntry {
        QDateTime at;
        QString line;
    };
    // Lines not yet written: stored with the outcome.
    const QList<LogEntry> &logLines() const { return m_log; }
    // Writes one line now, outside the job's transaction; supplied by the worker.
    using LiveLog = std::function<Status(const LogEntry &)>;
    void setLiveLog(LiveLog writer) { m_liveLog = std::move(writer); }

private:
    qint64 m_id;
    QString m_tenantId;
    QString m_kind;
    QJsonObject m_payload;
    int m_attempt;
    int m_maxAttempts;
    Stop m_stop;
    ScopeOpener m_opener;
    QSqlDatabase m_db;
    bool m_scopeOpen = false;
    QList<LogEntry> m_log;
    LiveLog m_liveLog;
};

using JobHandler = std::function<Status(JobContext &)>;

} // namespace mp
