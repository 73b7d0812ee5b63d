#pragma once

#include "jobs/job_dashboard.h"
#include "jobs/job_types.h"
#include "staff_command.h"

namespace mp {

// The change-feed channels of the job engine (migration 0013): job inserts and status changes,
// and new job log lines.
namespace channels {
inline const QString jobs = QStringLiteral("mpanel_changed_jobs");
inline const QString jobLog = QStringLiteral("mpanel_changed_job_log");
} // namespace channels

// What the console's Jobs page, the dashboard and a pod's detail ask of the job services
// besides the job list (contract in staff_command.h).
namespace commands {

struct JobDetail {
    JobRecord job;
    QList<JobLogLine> log;
};

void loadJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobDetail> reply);
// The log of one job.
void loadJobLog(ConsoleSession *session, QObject *context, qint64 jobId, Reply<QList<JobLogLine>> reply);
void retryJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply);
void cancelJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply);
void loadJobDashboard(ConsoleSession *session, QObject *context, Reply<JobDashboard> reply);

} // namespace commands
} // namespace mp
