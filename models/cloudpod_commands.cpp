#include "cloudpod_commands.h"

#include "cloudpods/cloudpod_findings.h"
#include "cloudpods/pod_access.h"
#include "core/clock.h"
#include "core/errors.h"
#include "jobs/jobs.h"

namespace mp::commands {

namespace {

Result<PodDetail> podDetail(TenantTransaction &tx, const QString &id)
{
    auto pod = cloudpods::CloudPods::find(tx.db(), id);
    if (!pod)
        return pod.error();
    auto jobs = cloudpods::CloudPods::jobs(tx, id);
    if (!jobs)
        return jobs.error();
    PodDetail detail{*pod, cloudpods::CloudPods::actionsFor(*pod), *jobs, {}};
    if (!jobs->isEmpty()) {
        auto log = Jobs::log(tx.db(), jobs->first().id);
        if (!log)
            return log.error();
        detail.log = *log;
    }
    return detail;
}

} // namespace

void loadPod(ConsoleSession *session, QObject *context, const QString &id, Reply<PodDetail> reply)
{
    runStaffCommand(
        session, context, [id](TenantTransaction &tx) { return podDetail(tx, id); }, std::move(reply));
}

void podAction(ConsoleSession *session, QObject *context, const QString &id, PodAction action,
               Reply<PodDetail> reply)
{
    runStaffWrite(
        session, context, StaffAction::OperatePods,
        [id, action](TenantTransaction &tx, const SessionInfo &staff) -> Result<PodDetail> {
            using cloudpods::CloudPods;
            const QDateTime now = Clock::current().now();
            Status done;
            switch (action) {
            case PodAction::Retry:
                if (auto pod = CloudPods::retry(tx, id, staffActor(staff), now); !pod)
                    done = pod.error();
                break;
            case PodAction::Suspend:
            case PodAction::Unsuspend:
                done = CloudPods::requestPower(tx, id, action == PodAction::Suspend, now);
                break;
            case PodAction::Terminate:
                done = CloudPods::requestTerminate(tx, id, now);
                break;
            }
            if (!done)
                return done.error();
            return podDetail(tx, id);
        },
        std::move(reply));
}

namespace {

Result<cloudpods::CloudPod> podForAccess(TenantTransaction &tx, const SessionInfo &staff, const QString &id)
{
    if (!cloudpods::PodAccess::staffMayGrantAccess(staff.role))
        return makeError(errors::Forbidden,
                         QObject::tr("resetting or reinstalling a pod is for support, admins and owners"));
    return cloudpods::CloudPods::find(tx.db(), id);
}

} // namespace

void resetPodPassword(ConsoleSession *session, QObject *context, const QString &id, Reply<QString> reply)
{
    runStaffWrite<QString>(
        session, context, StaffAction::OperatePods,
        [id](TenantTransaction &tx, const SessionInfo &staff) -> Result<QString> {
            auto pod = podForAccess(tx, staff, id);
            if (!pod)
                return pod.error();
            return cloudpods::PodAccess::requestPasswordReset(tx, *pod, Clock::current().now());
        },
        std::move(reply));
}

void reinstallPod(ConsoleSession *session, QObject *context, const QString &id, bool newPassword,
                  Reply<QString> reply)
{
    runStaffWrite<QString>(
        session, context, StaffAction::OperatePods,
        [id, newPassword](TenantTransaction &tx, const SessionInfo &staff) -> Result<QString> {
            auto pod = podForAccess(tx, staff, id);
            if (!pod)
                return pod.error();
            return cloudpods::PodAccess::requestReinstall(tx, *pod, newPassword, Clock::current().now());
        },
        std::move(reply));
}

void checkFindings(ConsoleSession *session, QObject *context, Reply<EnqueuedJob> reply)
{
    runStaffWrite(
        session, context, StaffAction::OperatePods,
        [](TenantTransaction &tx) { return cloudpods::CloudPodFindings::requestCheck(tx); },
        std::move(reply));
}

void lastFindingsCheck(ConsoleSession *session, QObject *context, Reply<QDateTime> reply)
{
    runStaffCommand(
        session, context, [](TenantTransaction &tx) { return cloudpods::CloudPodFindings::lastCheck(tx); },
        std::move(reply));
}

} // namespace mp::commands
