#include "job_commands.h"

#include "console_session/console_session.h"
#include "console_session/staff_transaction.h"
#include "core/clock.h"
#include "jobs/jobs.h"

namespace mp::commands {

namespace {

template<class T, class Work>
void inTransaction(ConsoleSession *session, QObject *context, Work work, Reply<T> reply)
{
    session->run(
        context,
        [work = std::move(work)](StaffSession &staff) -> Result<T> {
            return inStaffTransaction(
                staff, [&](TenantTransaction &tx) -> Result<T> { return work(tx, staff.info()); });
        },
        [reply = std::move(reply)](const Result<T> &result) { reply(result); });
}

// What the job's log records as the actor, like "staff token <id>" for the REST API.
QString actorOf(const SessionInfo &info)
{
    return QStringLiteral("staff %1 (console)").arg(info.login);
}

} // namespace

void loadJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobDetail> reply)
{
    inTransaction<JobDetail>(
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

void retryJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply)
{
    inTransaction<JobRecord>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &info) {
            return Jobs::retry(tx.db(), id, actorOf(info));
        },
        std::move(reply));
}

void cancelJob(ConsoleSession *session, QObject *context, qint64 id, Reply<JobRecord> reply)
{
    inTransaction<JobRecord>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &info) {
            return Jobs::cancel(tx.db(), id, actorOf(info));
        },
        std::move(reply));
}

void loadJobDashboard(ConsoleSession *session, QObject *context, Reply<JobDashboard> reply)
{
    inTransaction<JobDashboard>(
        session, context,
        [](TenantTransaction &tx, const SessionInfo &) {
            return JobDashboard::load(tx.db(), Clock::current().now());
        },
        std::move(reply));
}

} // namespace mp::commands
