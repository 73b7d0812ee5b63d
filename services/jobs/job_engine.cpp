#include "jobs/job_engine.h"

#include "core/json_log.h"
#include "jobs/job_engine_state.h"
#include "jobs/job_registry.h"

#include <QDeadlineTimer>
#include <QHostInfo>
#include <QRandomGenerator>

#include <unistd.h>

namespace mp {

void JobEngineState::wakeAll()
{
    QMutexLocker lock(&wakeMutex);
    ++generation;
    wakeCondition.wakeAll();
}

quint64 JobEngineState::currentGeneration()
{
    QMutexLocker lock(&wakeMutex);
    return generation;
}

void JobEngineState::waitForWork(quint64 seen, int timeoutMs)
{
    QMutexLocker lock(&wakeMutex);
    QDeadlineTimer deadline(timeoutMs);
    while (generation == seen && !stopClaiming.load() && !deadline.hasExpired())
        wakeCondition.wait(&wakeMutex, deadline);
}

std::shared_ptr<std::atomic_bool> JobEngineState::track(qint64 id)
{
    auto flag = std::make_shared<std::atomic_bool>(false);
    QMutexLocker lock(&runningMutex);
    running.insert(id, flag);
    return flag;
}

void JobEngineState::untrack(const QList<qint64> &ids)
{
    QMutexLocker lock(&runningMutex);
    for (qint64 id : ids)
        running.remove(id);
}

QList<qint64> JobEngineState::runningIds()
{
    QMutexLocker lock(&runningMutex);
    return running.keys();
}

void JobEngineState::requestCancel(qint64 id)
{
    QMutexLocker lock(&runningMutex);
    if (auto it = running.find(id); it != running.end())
        it.value()->store(true);
}

void JobEngineState::reportReady(const QString &error)
{
    QMutexLocker lock(&lifeMutex);
    ++ready;
    if (!error.isEmpty() && startError.isEmpty())
        startError = error;
    lifeCondition.wakeAll();
}

void JobEngineState::reportExit()
{
    QMutexLocker lock(&lifeMutex);
    ++exited;
    lifeCondition.wakeAll();
}

namespace {

Result<int> intSetting(const Config &config, const char *name, int fallback, int min, int max)
{
    const QString key = QLatin1String(name);
    if (!config.contains(key) || config.value(key).isEmpty())
        return fallback;
    bool ok = false;
    const int value = config.value(key).toInt(&ok);
    if (!ok || value < min || value > max)
        return makeError(QStringLiteral("invalid_setting"),
                         QStringLiteral("%1 must be a number from %2 to %3").arg(key).arg(min).arg(max), key);
    return value;
}

} // namespace

Result<JobEngineOptions> JobEngineOptions::fromConfig(const Config &config,
                                                      const ConnectionSettings &database, int workers)
{
    JobEngineOptions o;
    o.database = database;
    o.database.applicationName = QStringLiteral("mpanel-jobs");
    o.workers = workers;
    o.schedules = JobRegistry::global().schedules();
    auto batch = intSetting(config, "MPANEL_JOB_BATCH", o.batchSize, 1, 1000);
    auto poll = intSetting(config, "MPANEL_JOB_POLL_MS", o.pollIntervalMs, 10, 600000);
    auto timeout = intSetting(config, "MPANEL_JOB_HEARTBEAT_TIMEOUT_MS", o.heartbeatTimeoutMs, 300, 3600000);
    auto deadline = intSetting(config, "MPANEL_JOB_SHUTDOWN_MS", o.shutdownDeadlineMs, 0, 3600000);
    for (const auto *r : {&batch, &poll, &timeout, &deadline}) {
        if (!*r)
            return r->error();
    }
    o.batchSize = *batch;
    o.pollIntervalMs = *poll;
    o.heartbeatTimeoutMs = *timeout;
    o.shutdownDeadlineMs = *deadline;
    return o;
}

JobEngine::JobEngine(JobEngineOptions options) : m_state(std::make_shared<JobEngineState>())
{
    if (options.instance.isEmpty())
        options.instance = QStringLiteral("%1:%2:%3")
                               .arg(QHostInfo::localHostName())
                               .arg(::getpid())
                               .arg(QRandomGenerator::global()->generate() % 100000);
    m_state->registry = options.registry ? options.registry : &JobRegistry::global();
    m_state->options = std::move(options);
}

JobEngine::~JobEngine()
{
    if (m_running)
        stop(0);
}

const QString &JobEngine::instance() const
{
    return m_state->options.instance;
}

qint64 JobEngine::jobsFinished() const
{
    return m_state->finished.load();
}

void JobEngine::wake()
{
    m_state->wakeAll();
}

Status JobEngine::start()
{
    if (m_running)
        return {};
    const int threads = m_state->options.workers + 1;
    for (int i = 0; i < m_state->options.workers; ++i)
        m_workers.emplace_back(runJobWorker, m_state, i);
    m_supervisor = std::thread(runJobSupervisor, m_state);
    m_running = true;
    QString error;
    {
        QMutexLocker lock(&m_state->lifeMutex);
        while (m_state->ready < threads)
            m_state->lifeCondition.wait(&m_state->lifeMutex);
        error = m_state->startError;
    }
    if (!error.isEmpty()) {
        stop(0);
        return makeError(QStringLiteral("jobs_unavailable"), error);
    }
    JsonLog::write(QStringLiteral("jobs_started"), {{QStringLiteral("instance"), m_state->options.instance},
                                                    {QStringLiteral("workers"), m_state->options.workers},
                                                    {QStringLiteral("batch"), m_state->options.batchSize}});
    return {};
}

bool JobEngine::stop(int deadlineMs)
{
    if (!m_running)
        return true;
    m_running = false;
    JobEngineState &s = *m_state;
    const int workers = int(m_workers.size());
    s.stopClaiming.store(true);
    s.wakeAll();
    auto waitWorkers = [&](int ms) {
        QMutexLocker lock(&s.lifeMutex);
        QDeadlineTimer deadline(ms);
        while (s.exited < workers && !deadline.hasExpired())
            s.lifeCondition.wait(&s.lifeMutex, deadline);
        return s.exited >= workers;
    };
    bool clean = waitWorkers(deadlineMs < 0 ? s.options.shutdownDeadlineMs : deadlineMs);
    if (!clean) {
        // Cooperative handlers now give up and hand their jobs back.
        s.shutdown.store(true);
        clean = waitWorkers(1000);
    }
    s.stopSupervisor.store(true);
    m_supervisor.join();
    if (clean) {
        for (std::thread &t : m_workers)
            t.join();
    } else {
        // A handler ignores the shutdown: leave its thread (and the shared state it holds) to
        // the process exit; without heartbeats its job is taken back by another instance.
        JsonLog::write(QStringLiteral("jobs_left_running"),
                       {{QStringLiteral("instance"), s.options.instance},
                        {QStringLiteral("jobs"), int(s.runningIds().size())}});
        for (std::thread &t : m_workers)
            t.detach();
    }
    m_workers.clear();
    JsonLog::write(QStringLiteral("jobs_stopped"),
                   {{QStringLiteral("instance"), s.options.instance}, {QStringLiteral("clean"), clean}});
    return clean;
}

} // namespace mp
