#pragma once

#include "core/config.h"
#include "core/result.h"
#include "db/connection_settings.h"
#include "jobs/job_schedule.h"

#include <memory>
#include <thread>
#include <vector>

namespace mp {

class JobRegistry;
struct JobEngineState;

struct JobEngineOptions {
    ConnectionSettings database; // the service's own (schema-owner, RLS-exempt) login
    int workers = 4;             // threads, each with its own connection
    int batchSize = 20;          // jobs claimed (and committed) together per worker
    int pollIntervalMs = 2000;   // safety net when a NOTIFY is missed
    int heartbeatTimeoutMs = 30000;
    int shutdownDeadlineMs = 10000;
    // A batch that has been running this long hands its unstarted jobs back to idle workers.
    int releaseUnstartedAfterMs = 2000;
    double backoffBaseSeconds = 5;
    double backoffCapSeconds = 6 * 3600;
    bool runSchedules = true;
    QList<JobSchedule> schedules;    // fromConfig(): JobRegistry::global().schedules()
    JobRegistry *registry = nullptr; // nullptr: JobRegistry::global()
    QString instance;                // names this engine's workers in `locked_by`; default host:pid:random

    // MPANEL_JOB_BATCH, MPANEL_JOB_POLL_MS, MPANEL_JOB_HEARTBEAT_TIMEOUT_MS, MPANEL_JOB_SHUTDOWN_MS.
    static Result<JobEngineOptions> fromConfig(const Config &config, const ConnectionSettings &database,
                                               int workers);
};

// The workers of one service instance: N worker threads claiming batches with
// FOR UPDATE SKIP LOCKED, and a supervisor thread that LISTENs for new work and cancel
// requests, heartbeats the running jobs, takes back jobs of dead workers and enqueues scheduled
// work. Several engines (in several processes, on several machines) share one queue safely.
class JobEngine {
public:
    explicit JobEngine(JobEngineOptions options);
    ~JobEngine(); // stop(0) if still running
    JobEngine(const JobEngine &) = delete;
    JobEngine &operator=(const JobEngine &) = delete;

    // Connects every thread's connection before returning, so a bad database fails here.
    Status start();
    // Graceful stop: no new claims; unstarted jobs are handed back at once; running handlers
    // get until the deadline (-1: the configured one), then see shuttingDown(). Returns false
    // when some handler was still running after that: its job stays `running` and is taken back
    // after the heartbeat timeout (the caller should then end the process).
    bool stop(int deadlineMs = -1);
    // Claim now instead of waiting for a notification or the poll (after moving a test clock).
    void wake();

    const QString &instance() const;
    qint64 jobsFinished() const; // jobs this engine ran to an outcome, for benchmarks and tests

private:
    std::shared_ptr<JobEngineState> m_state;
    std::vector<std::thread> m_workers;
    std::thread m_supervisor;
    bool m_running = false;
};

} // namespace mp
