#pragma once

#include "jobs/job_engine.h"

#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <memory>

namespace mp {

class JobRegistry;

// What the engine's threads share. Held by shared_ptr so a thread left running past the
// shutdown deadline never touches freed memory.
struct JobEngineState {
    JobEngineOptions options;
    JobRegistry *registry = nullptr;

    std::atomic_bool stopClaiming{false}; // graceful stop began
    std::atomic_bool shutdown{false};     // deadline passed: handlers should give up
    std::atomic_bool stopSupervisor{false};
    std::atomic<qint64> finished{0};

    // Wake-ups: a generation counter, so a NOTIFY between a worker's empty claim and its wait
    // is not lost.
    QMutex wakeMutex;
    QWaitCondition wakeCondition;
    quint64 generation = 0;

    // Jobs claimed by this engine's workers: heartbeated by the supervisor, and where a cancel
    // request (NOTIFY mpanel_job_cancel) finds the job's flag.
    QMutex runningMutex;
    QHash<qint64, std::shared_ptr<std::atomic_bool>> running;

    // Startup handshake and worker exits.
    QMutex lifeMutex;
    QWaitCondition lifeCondition;
    int ready = 0;
    int exited = 0;
    QString startError;

    void wakeAll();
    quint64 currentGeneration();
    // Returns when the generation moves past `seen`, on stop, or after `timeoutMs`.
    void waitForWork(quint64 seen, int timeoutMs);

    std::shared_ptr<std::atomic_bool> track(qint64 id);
    void untrack(const QList<qint64> &ids);
    QList<qint64> runningIds();
    void requestCancel(qint64 id);

    void reportReady(const QString &error);
    void reportExit();
};

// Thread bodies (job_worker.cpp, job_supervisor.cpp).
void runJobWorker(std::shared_ptr<JobEngineState> state, int index);
void runJobSupervisor(std::shared_ptr<JobEngineState> state);

} // namespace mp
