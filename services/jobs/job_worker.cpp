// One worker thread: claim a batch, run its handlers inside one transaction, record every
// outcome in one statement, claim the next batch in the same transaction, commit. One commit per
// batch while there is work, whatever the batch size.
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
#include <utility>

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
        QList<ClaimedJob> next;
        quint64 generation = 0;
        while (!m_s.stopClaiming.load()) {
            if (!m_db.isOpen() && !reconnect())
                continue;
            if (next.isEmpty()) {
                generation = m_s.currentGeneration();
                auto claimed = m_queries->claim(m_s.options.batchSize, m_name, Clock::current().now());
                if (!claimed) {
                    if (!lostARace(claimed.error()))
                        databaseTrouble(claimed.error());
                    continue;
                }
                if (claimed->isEmpty()) {
                    m_s.waitForWork(generation, m_s.options.pollIntervalMs);
                    continue;
                }
                next = std::move(claimed.value());
            }
            const QList<ClaimedJob> batch = std::exchange(next, {});
            runBatch(batch, next);
            // The batch's transaction found nothing more to claim: sleep until new work (a
            // notification since that claim wakes us at once) rather than claim again.
            if (next.isEmpty() && m_db.isOpen() && !m_s.stopClaiming.load() && m_claimedInBatch)
                m_s.waitForWork(m_claimGeneration, m_s.options.pollIntervalMs);
        }
        // Stopping with a batch claimed by the last commit: hand it back unstarted.
        if (!next.isEmpty() && m_db.isOpen()) {
            QList<ClaimedJob> none;
            runBatch(next, none);
        }
    }

    // A concurrent statement moved a row this one wanted between partitions (a staff cancel or
    // retry moves a job between jobs_pending and jobs_finished): nothing is wrong with the
    // connection, try again.
    static bool lostARace(const Error &error) { return sql::hasSqlState(error, sql::SerializationFailure); }

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

    void runBatch(const QList<ClaimedJob> &jobs, QList<ClaimedJob> &next)
    {
        QList<qint64> ids;
        QHash<qint64, std::shared_ptr<std::atomic_bool>> cancelFlags;
        for (const ClaimedJob &job : jobs) {
            ids << job.id;
            cancelFlags.insert(job.id, m_s.track(job.id));
        }
        QElapsedTimer batchTime;
        batchTime.start();
        m_claimedInBatch = false;
        Status s = runInTransaction(jobs, cancelFlags, batchTime, next);
        m_s.untrack(ids);
        if (!s)
            databaseTrouble(s.error());
    }

    Status runInTransaction(const QList<ClaimedJob> &jobs,
                            const QHash<qint64, std::shared_ptr<std::atomic_bool>> &cancelFlags,
                            const QElapsedTimer &batchTime, QList<ClaimedJob> &next)
    {
        if (!m_db.transaction())
            return sql::fromSqlError(m_db.lastError(), QStringLiteral("beginning the batch"));
        QList<JobOutcome> outcomes;
        QList<qint64> durations;
        outcomes.reserve(jobs.size());
        durations.reserve(jobs.size());
        bool ranOne = false;
        for (const ClaimedJob &job : jobs) {
            const bool handBack = m_s.stopClaiming.load() ||
                                  (ranOne && batchTime.elapsed() > m_s.options.releaseUnstartedAfterMs);
            if (handBack) {
                outcomes << JobOutcome{job.id, JobOutcome::Kind::Released, {}, job.attempt, {}, job.tenantId};
                durations << 0;
                continue;
            }
            QElapsedTimer t;
            t.start();
            outcomes << runOne(job, cancelFlags.value(job.id));
            durations << t.elapsed();
            ranOne = true;
        }
        auto owned = m_queries->finish(outcomes, m_name, Clock::current().now(), m_backoff());
        if (!owned && !lostARace(owned.error())) {
            m_db.rollback();
            return owned.error();
        }
        if (!owned || owned.value() != outcomes.size()) {
            // Some job was taken back while it ran here (our heartbeats stalled past the
            // timeout) and may be running elsewhere: commit nothing, so its effects happen once.
            // The jobs still ours are taken back in turn, as nothing heartbeats them any more.
            m_db.rollback();
            JsonLog::write(QStringLiteral("jobs_batch_rolled_back"),
                           {{QStringLiteral("worker"), m_name},
                            {QStringLiteral("jobs"), int(outcomes.size())},
                            {QStringLiteral("still_ours"), owned ? owned.value() : -1}});
            return {};
        }
        if (auto s = claimNextInBatch(next); !s) {
            m_db.rollback();
            return s;
        }
        if (!m_db.commit()) {
            const Error error = sql::fromSqlError(m_db.lastError(), QStringLiteral("committing the batch"));
            m_db.rollback();
            next.clear();
            return error;
        }
        logOutcomes(jobs, outcomes, durations);
        m_s.finished.fetch_add(outcomes.size());
        return {};
    }

    // The next batch is claimed in the transaction that records this one's outcomes, so one
    // commit serves both. Under a savepoint: losing a race there must not undo the outcomes.
    Status claimNextInBatch(QList<ClaimedJob> &next)
    {
        if (m_s.stopClaiming.load())
            return {};
        QSqlQuery q(m_db);
        m_claimGeneration = m_s.currentGeneration();
        if (!q.exec(QStringLiteral("SAVEPOINT claim")))
            return sql::fromSqlError(q.lastError(), QStringLiteral("opening the claim's savepoint"));
        auto claimed = m_queries->claim(m_s.options.batchSize, m_name, Clock::current().now());
        if (!claimed) {
            if (!lostARace(claimed.error()))
                return claimed.error();
            if (!q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT claim")))
                return sql::fromSqlError(q.lastError(), QStringLiteral("rolling back the claim"));
            return {};
        }
        if (!q.exec(QStringLiteral("RELEASE SAVEPOINT claim")))
            return sql::fromSqlError(q.lastError(), QStringLiteral("releasing the claim's savepoint"));
        m_claimedInBatch = true;
        next = std::move(claimed.value());
        return {};
    }

    Backoff m_backoff() const
    {
        return Backoff{m_s.options.backoffBaseSeconds, m_s.options.backoffCapSeconds};
    }

    JobOutcome runOne(const ClaimedJob &job, const std::shared_ptr<std::atomic_bool> &cancelFlag)
    {
        JobOutcome outcome{job.id, JobOutcome::Kind::Completed, {}, job.attempt, {}, job.tenantId};
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

    // The service log: one line per job that did not complete (with its error), and one line
    // per batch for the completed ones (their ids, and how many of each kind), so a batch of
    // no-op jobs formats one JSON document, not one per job.
    void logOutcomes(const QList<ClaimedJob> &jobs, const QList<JobOutcome> &outcomes,
                     const QList<qint64> &durations)
    {
        static const char *names[] = {"completed", "failed", "cancelled", "dead", "released"};
        QString completedIds;
        QHash<QString, int> completedKinds;
        qint64 completedMs = 0;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const JobOutcome &outcome = outcomes.at(i);
            const ClaimedJob &job = jobs.at(i);
            if (outcome.kind == JobOutcome::Kind::Completed) {
                if (!completedIds.isEmpty())
                    completedIds += u',';
                completedIds += QString::number(outcome.id);
                ++completedKinds[job.kind];
                completedMs += durations.at(i);
                continue;
            }
            QJsonObject fields{{QStringLiteral("job"), QString::number(outcome.id)},
                               {QStringLiteral("kind"), job.kind},
                               {QStringLiteral("tenant"), job.tenantId},
                               {QStringLiteral("outcome"), QLatin1String(names[int(outcome.kind)])},
                               {QStringLiteral("attempt"), outcome.attempt},
                               {QStringLiteral("ms"), durations.at(i)},
                               {QStringLiteral("worker"), m_name}};
            if (!outcome.error.isEmpty())
                fields.insert(QStringLiteral("error"), outcome.error);
            JsonLog::write(QStringLiteral("job_finished"), fields);
        }
        if (completedKinds.isEmpty())
            return;
        QJsonObject kinds;
        for (auto it = completedKinds.cbegin(); it != completedKinds.cend(); ++it)
            kinds.insert(it.key(), it.value());
        JsonLog::write(QStringLiteral("jobs_completed"), {{QStringLiteral("jobs"), completedIds},
                                                          {QStringLiteral("kinds"), kinds},
                                                          {QStringLiteral("ms"), completedMs},
                                                          {QStringLiteral("worker"), m_name}});
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
    bool m_claimedInBatch = false; // the last batch's transaction ran a claim (found work or not)
    quint64 m_claimGeneration = 0; // the wake-up generation just before that claim
};

} // namespace

void runJobWorker(std::shared_ptr<JobEngineState> state, int index)
{
    Worker(std::move(state), index).run();
}

} // namespace mp
