#include "job_commands.h"

#include "core/clock.h"
#include "jobs/jobs.h"

namespace mp::commands {

void loadJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobDetail> reply)
{
    runStaffCommand<JobDetail>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) -> Result<JobDetail> {
            auto job = Jobs::find(tx.db(), id);
            if (!job)
                return job.error();
            auto log = Jobs::log(tx.db(), id);
            if (!log)
                return log.error();
            return JobDetail{*job, *log};
        },
        std::move(reply));
}

void loadJobLog(ConsoleSession *session, QObject *context, qint64 jobId, Reply<QList<JobLogLine>> reply)
{
    runStaffCommand<QList<JobLogLine>>(
        session, context,
        [jobId](TenantTransaction &tx, const SessionInfo &) { return Jobs::log(tx.db(), jobId); },
        std::move(reply));
}

namespace {

// Retry and cancel, as the REST API's POST /api/jobs/{id}/retry and /cancel run them.
using JobAction = Result<JobRecord> (*)(const QSqlDatabase &, qint64, const QString &);

void runJobAction(ConsoleSession *session, QObject *context, qint64 id, JobAction action,
                  Reply<JobRecord> reply)
{
    runStaffCommand<JobRecord>(
        session, context,
        [id, action](TenantTransaction &tx, const SessionInfo &staff) {
            return action(tx.db(), id, staffActor(staff));
        },
        std::move(reply));
}

} // namespace

void retryJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply)
{
    runJobAction(session, context, id, &Jobs::retry, std::move(reply));
}

void cancelJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply)
{
    runJobAction(session, context, id, &Jobs::cancel, std::move(reply));
}

void loadJobDashboard(ConsoleSession *session, QObject *context, Reply<JobDashboard> reply)
{
    runStaffCommand<JobDashboard>(
        session, context,
        [](TenantTransaction &tx, const SessionInfo &) {
            return JobDashboard::load(tx.db(), Clock::current().now());
        },
        std::move(reply));
}

} // namespace mp::commands
