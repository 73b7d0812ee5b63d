// One worker thread: claim a batch, run its handlers inside one transaction, record every
// outcome in one statement, commit. Two commits per batch, whatever its size.
#include "core/clock.h"
#include "core/errors.h"
#include "core/json_log.h"
#include "db/sql.h"
#include "jobs/job_batch.h"
#include "jobs/job_engine_state.h"
#include "jobs/job_registry.h"
#include "jobs/job_sql_values.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>

#include <optional>

namespace mp {

namespace {

const QString kInsertLiveLine = QStringLiteral("INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
                                               "VALUES (?, ?::uuid, ?::timestamptz, ?, ?)");

JobOutcome::Kind outcomeKind(JobContext::Ending ending)
{
    switch (ending) {
    case JobContext::Ending::Succeeded:
        return JobOutcome::Kind::Completed;
    case JobContext::Ending::RetryLater:
        return JobOutcome::Kind::Failed;
    case JobContext::Ending::Permanent:
        return JobOutcome::Kind::Permanent;
    case JobContext::Ending::Cancelled:
        return JobOutcome::Kind::Cancelled;
    case JobContext::Ending::Interrupted:
        return JobOutcome::Kind::Released;
    }
    return JobOutcome::Kind::Failed;
}

class Worker {
public:
    Worker(std::shared_ptr<JobEngineState> state, int index)
        : m_state(std::move(state)), m_s(*m_state),
          m_name(QStringLiteral("%1/%2").arg(m_s.options.instance).arg(index)),
          m_connection(QStringLiteral("jobs-%1-%2").arg(m_s.options.instance).arg(index)),
          m_logConnection(QStringLiteral("jobs-log-%1-%2").arg(m_s.options.instance).arg(index))
    {
    }

    void run()
    {
        const Status connected = connect();
        m_s.reportReady(connected ? QString() : connected.error().message);
        if (connected)
            loop();
        disconnect();
        m_s.reportExit();
    }

private:
    Status connect()
    {
        auto db = sql::open(m_s.options.database, m_connection);
        if (!db)
            return db.error();
        m_db = db.value();
        m_queries.emplace(m_db);
        if (auto s = m_queries->prepare(); !s)
            return s;
        m_scope = QSqlQuery(m_db);
        if (!m_scope.prepare(QStringLiteral(
                "SELECT set_config('role', 'mpanel_app', true), set_config('mpanel.tenant_id', ?, true)")))
            return sql::fromSqlError(m_scope.lastError(), QStringLiteral("preparing the tenant scope"));
        return {};
    }

    void disconnect()
    {
        closeLogConnection();
        m_queries.reset();
        m_scope = QSqlQuery();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

    void loop()
    {
        while (!m_s.stopClaiming.load()) {
            if (!m_db.isOpen() && !reconnect())
                continue;
            const quint64 generation = m_s.currentGeneration();
            auto claimed = m_queries->claim(m_s.options.batchSize, m_name, Clock::current().now());
            if (!claimed) {
                databaseTrouble(claimed.error());
                continue;
            }
            if (claimed->isEmpty()) {
                m_s.waitForWork(generation, m_s.options.pollIntervalMs);
                continue;
            }
            runBatch(claimed.value());
        }
    }

    // The connection broke (server restart, network): back off, then start over. Jobs this
    // worker had claimed are taken back after the heartbeat timeout.
    void databaseTrouble(const Error &error)
    {
        JsonLog::write(QStringLiteral("jobs_worker_error"),
                       {{QStringLiteral("worker"), m_name}, {QStringLiteral("message"), error.message}});
        m_queries.reset();
        m_scope = QSqlQuery();
        m_db.close();
        for (int slept = 0; slept < 1000 && !m_s.stopClaiming.load(); slept += 50)
            QThread::msleep(50);
    }

    bool reconnect()
    {
        if (auto s = connect(); !s) {
            databaseTrouble(s.error());
            return false;
        }
        return true;
    }

    void runBatch(const QList<ClaimedJob> &jobs)
    {
        QList<qint64> ids;
        QHash<qint64, std::shared_ptr<std::atomic_bool>> cancelFlags;
        for (const ClaimedJob &job : jobs) {
            ids << job.id;
            cancelFlags.insert(job.id, m_s.track(job.id));
        }
        QElapsedTimer batchTime;
        batchTime.start();
        Status s = runInTransaction(jobs, cancelFlags, batchTime);
        m_s.untrack(ids);
        if (!s)
            databaseTrouble(s.error());
    }

    Status runInTransaction(const QList<ClaimedJob> &jobs,
                            const QHash<qint64, std::shared_ptr<std::atomic_bool>> &cancelFlags,
                            const QElapsedTimer &batchTime)
    {
        if (!m_db.transaction())
            return sql::fromSqlError(m_db.lastError(), QStringLiteral("beginning the batch"));
        QList<JobOutcome> outcomes;
        QList<const ClaimedJob *> outcomeJobs;
        QList<qint64> durations;
        bool ranOne = false;
        for (const ClaimedJob &job : jobs) {
            const bool handBack = m_s.stopClaiming.load() ||
                                  (ranOne && batchTime.elapsed() > m_s.options.releaseUnstartedAfterMs);
            if (handBack) {
                outcomes << JobOutcome{job.id, JobOutcome::Kind::Released, {}, job.attempt, {}};
                outcomeJobs << &job;
                durations << 0;
                continue;
            }
            QElapsedTimer t;
            t.start();
            outcomes << runOne(job, cancelFlags.value(job.id));
            outcomeJobs << &job;
            durations << t.elapsed();
            ranOne = true;
        }
        auto owned = m_queries->finish(outcomes, m_name, Clock::current().now(), m_backoff());
        if (!owned) {
            m_db.rollback();
            return owned.error();
        }
        if (owned.value() != outcomes.size()) {
            // Some job was taken back while it ran here (our heartbeats stalled past the
            // timeout) and may be running elsewhere: commit nothing, so its effects happen once.
            // The jobs still ours are taken back in turn, as nothing heartbeats them any more.
            m_db.rollback();
            JsonLog::write(QStringLiteral("jobs_batch_rolled_back"),
                           {{QStringLiteral("worker"), m_name},
                            {QStringLiteral("jobs"), int(outcomes.size())},
                            {QStringLiteral("still_ours"), owned.value()}});
            return {};
        }
        if (!m_db.commit()) {
            const Error error = sql::fromSqlError(m_db.lastError(), QStringLiteral("committing the batch"));
            m_db.rollback();
            return error;
        }
        for (qsizetype i = 0; i < outcomes.size(); ++i)
            logOutcome(*outcomeJobs.at(i), outcomes.at(i), durations.at(i));
        m_s.finished.fetch_add(outcomes.size());
        return {};
    }

    Backoff m_backoff() const
    {
        return Backoff{m_s.options.backoffBaseSeconds, m_s.options.backoffCapSeconds};
    }

    JobOutcome runOne(const ClaimedJob &job, const std::shared_ptr<std::atomic_bool> &cancelFlag)
    {
        JobOutcome outcome{job.id, JobOutcome::Kind::Completed, {}, job.attempt, {}};
        const JobHandler handler = m_s.registry->find(job.kind);
        if (!handler) {
            outcome.kind = JobOutcome::Kind::Permanent;
            outcome.error = QStringLiteral("no handler for job kind '%1' in this service").arg(job.kind);
            outcome.log << JobContext::LogEntry{Clock::current().now(), outcome.error};
            return outcome;
        }
        JobContext ctx(job.id, job.tenantId, job.kind, job.payload, job.attempt, job.maxAttempts,
                       JobContext::Stop{cancelFlag.get(), &m_s.shutdown},
                       [this, tenant = job.tenantId] { return openTenantScope(tenant); });
        ctx.setLiveLog([this, &job](const JobContext::LogEntry &entry) { return writeLiveLine(job, entry); });
        Status status;
        try {
            status = handler(ctx);
        } catch (...) {
            status = makeError(errors::Internal, QStringLiteral("the handler threw an exception"));
        }
        if (ctx.usedDatabase()) {
            if (status) {
                if (auto s = closeTenantScope(); !s) {
                    status = makeError(
                        errors::DatabaseError,
                        QStringLiteral("the handler's database work failed: %1").arg(s.error().message));
                    rollbackTenantScope();
                }
            } else {
                rollbackTenantScope();
            }
        }
        outcome.log = ctx.logLines();
        if (status)
            return outcome;
        outcome.error = status.error().message;
        outcome.kind = outcomeKind(JobContext::endingOf(status));
        outcome.log << JobContext::LogEntry{Clock::current().now(),
                                            QStringLiteral("attempt %1 %2: %3")
                                                .arg(job.attempt)
                                                .arg(outcome.kind == JobOutcome::Kind::Released
                                                         ? QStringLiteral("interrupted")
                                                         : QStringLiteral("failed"),
                                                     outcome.error)};
        return outcome;
    }

    // The same confinement a TenantTransaction applies (role mpanel_app + the tenant setting),
    // under a savepoint so one job's failure undoes only its own changes.
    Result<QSqlDatabase> openTenantScope(const QString &tenantId)
    {
        QSqlQuery savepoint(m_db);
        if (!savepoint.exec(QStringLiteral("SAVEPOINT job")))
            return sql::fromSqlError(savepoint.lastError(), QStringLiteral("opening the job's savepoint"));
        m_scope.bindValue(0, tenantId);
        const bool ok = m_scope.exec();
        m_scope.finish();
        if (!ok)
            return sql::fromSqlError(m_scope.lastError(), QStringLiteral("entering the job's tenant"));
        return m_db;
    }

    Status closeTenantScope()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral(
                "SELECT set_config('role', 'none', true), set_config('mpanel.tenant_id', '', true)")))
            return sql::fromSqlError(q.lastError(), QStringLiteral("leaving the job's tenant"));
        if (!q.exec(QStringLiteral("RELEASE SAVEPOINT job")))
            return sql::fromSqlError(q.lastError(), QStringLiteral("releasing the job's savepoint"));
        return {};
    }

    // Also restores the role and tenant setting, which were set inside the savepoint.
    void rollbackTenantScope()
    {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT job"));
        q.exec(QStringLiteral("RELEASE SAVEPOINT job"));
    }

    // A handler's log line, committed at once on the worker's second connection (the schema
    // owner's, like the claim), so it shows while the job runs. The connection opens on the
    // first line; a failure closes it and the line goes with the outcome instead.
    Status writeLiveLine(const ClaimedJob &job, const JobContext::LogEntry &entry)
    {
        if (!m_logDb.isOpen()) {
            auto db = sql::open(m_s.options.database, m_logConnection);
            if (!db)
                return db.error();
            m_logDb = db.value();
            m_logInsert = QSqlQuery(m_logDb);
            if (!m_logInsert.prepare(kInsertLiveLine)) {
                const Error error =
                    sql::fromSqlError(m_logInsert.lastError(), QStringLiteral("preparing the live job log"));
                closeLogConnection();
                return error;
            }
        }
        m_logInsert.bindValue(0, job.id);
        m_logInsert.bindValue(1, job.tenantId);
        m_logInsert.bindValue(2, jobsql::timestamp(entry.at));
        m_logInsert.bindValue(3, job.attempt);
        m_logInsert.bindValue(4, entry.line);
        const bool ok = m_logInsert.exec();
        m_logInsert.finish();
        if (!ok) {
            const Error error =
                sql::fromSqlError(m_logInsert.lastError(), QStringLiteral("writing a job log line"));
            closeLogConnection();
            return error;
        }
        return {};
    }

    void closeLogConnection()
    {
        m_logInsert = QSqlQuery();
        m_logDb = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_logConnection);
    }

    void logOutcome(const ClaimedJob &job, const JobOutcome &outcome, qint64 ms)
    {
        static const char *names[] = {"completed", "failed", "cancelled", "dead", "released"};
        QJsonObject fields{{QStringLiteral("job"), QString::number(outcome.id)},
                           {QStringLiteral("kind"), job.kind},
                           {QStringLiteral("tenant"), job.tenantId},
                           {QStringLiteral("outcome"), QLatin1String(names[int(outcome.kind)])},
                           {QStringLiteral("attempt"), outcome.attempt},
                           {QStringLiteral("ms"), ms},
                           {QStringLiteral("worker"), m_name}};
        if (!outcome.error.isEmpty())
            fields.insert(QStringLiteral("error"), outcome.error);
        JsonLog::write(QStringLiteral("job_finished"), fields);
    }

    std::shared_ptr<JobEngineState> m_state;
    JobEngineState &m_s;
    const QString m_name;
    const QString m_connection;
    QSqlDatabase m_db;
    std::optional<JobBatchQueries> m_queries;
    QSqlQuery m_scope;
    const QString m_logConnection;
    QSqlDatabase m_logDb;
    QSqlQuery m_logInsert;
};

} // namespace

void runJobWorker(std::shared_ptr<JobEngineState> state, int index)
{
    Worker(std::move(state), index).run();
}

} // namespace mp
