#include "job_commands.h"

#include "core/clock.h"
#include "jobs/jobs.h"

namespace mp::commands {

void loadJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobDetail> reply)
{
    runStaffCommand(
        session, context,
        [id](TenantTransaction &tx) -> Result<JobDetail> {
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
    runStaffCommand(
        session, context, [jobId](TenantTransaction &tx) { return Jobs::log(tx.db(), jobId); },
        std::move(reply));
}

namespace {

// Retry and cancel, as the REST API's POST /api/jobs/{id}/retry and /cancel run them.
using JobAction = Result<JobRecord> (*)(const QSqlDatabase &, qint64, const QString &);

void runJobAction(ConsoleSession *session, QObject *context, qint64 id, JobAction action,
                  Reply<JobRecord> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageJobs,
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
    runStaffCommand(
        session, context,
        [](TenantTransaction &tx) { return JobDashboard::load(tx.db(), Clock::current().now()); },
        std::move(reply));
}

} // namespace mp::commands
