#pragma once

#include "console_commands.h"
#include "jobs/job_dashboard.h"
#include "jobs/job_types.h"

namespace mp {

// What the console's Jobs page and dashboard ask of the job services besides the job list; same
// contract as console_commands.h (one staff transaction on the session thread, reply on
// `context`'s thread while it lives).
namespace commands {

struct JobDetail {
    JobRecord job;
    QList<JobLogLine> log;
};

void loadJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobDetail> reply);
void retryJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply);
void cancelJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply);
void loadJobDashboard(ConsoleSession *session, QObject *context, Reply<JobDashboard> reply);

} // namespace commands
} // namespace mp
