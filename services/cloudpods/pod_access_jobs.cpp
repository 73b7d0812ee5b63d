// cloudpod.reset_password and cloudpod.reinstall: the jobs behind PodAccess. Both hand a pending
// password to Proxmox and delete it the moment Proxmox has it, so a retry never sends an old one
// and nothing keeps it afterwards.
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/pod_job_handlers.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"

namespace mp::cloudpods {

namespace {

Result<CloudPod> jobPod(PodProgress &progress)
{
    auto pod = progress.pod();
    if (!pod && pod.error().code == errors::NotFound)
        return JobContext::permanent(QStringLiteral("no such pod"));
    return pod;
}

} // namespace

Status resetPodPassword(JobContext &ctx)
{
    auto progress = openPodForJob(ctx);
    if (!progress)
        return progress.error();
    auto pod = jobPod(*progress);
    if (!pod)
        return pod.error();
    auto password = progress->pendingPassword(QStringLiteral("reset"));
    if (!password)
        return password.error();
    if (password->isEmpty()) {
        ctx.log(QStringLiteral("no password waiting: it was set already"));
        return {};
    }
    const Status result = [&]() -> Status {
        auto ops = operationsFor(ctx, *progress, pod->clusterId);
        if (!ops)
            return ops.error();
        const QString node = pod->nodeName;
        const qint64 vmid = pod->vmid;
        const QString user = pod->loginUser;
        const QString secret = *password;
        if (auto s = ops->run(
                QStringLiteral("setting the password of '%1' through the guest agent of VM %2")
                    .arg(user)
                    .arg(vmid),
                node, [=](ProxmoxClient &c) { return c.setGuestUserPassword(node, vmid, user, secret); });
            !s)
            return s;
        if (auto s = progress->dropPendingPassword(QStringLiteral("reset")); !s)
            return s;
        ctx.log(
            QStringLiteral("password of '%1' reset through the guest agent; mPanel keeps no copy").arg(user));
        return {};
    }();
    return reportFailure(ctx, *progress, *pod, result);
}

Status reinstallPod(JobContext &ctx)
{
    auto progress = openPodForJob(ctx);
    if (!progress)
        return progress.error();
    auto pod = jobPod(*progress);
    if (!pod)
        return pod.error();
    if (pod->status == QLatin1String("terminated") || pod->terminateRequested) {
        ctx.log(QStringLiteral("the pod is terminated or being terminated: nothing to reinstall"));
        return {};
    }
    if (pod->reinstallRequested) {
        // The old guest goes first; the flag is cleared only once it is gone, so a retry after
        // this point never destroys the new guest.
        if (auto s = destroyPodGuest(ctx, *progress, *pod); !s)
            return reportFailure(ctx, *progress, *pod, s);
        auto cleared = progress->inTransaction([&](TenantTransaction &tx) -> Status {
            auto q = sql::exec(
                tx.db(),
                QStringLiteral("UPDATE cloud_pods SET reinstall_requested_at = NULL, "
                               "status = 'provisioning', updated_at = ?::timestamptz WHERE id = ?::uuid"),
                {ctx.now().toUTC(), pod->id});
            if (!q)
                return q.error();
            return {};
        });
        if (!cleared)
            return cleared;
        ctx.log(QStringLiteral("reinstalling '%1' from its template with VMID %2 and address %3")
                    .arg(pod->hostname)
                    .arg(pod->vmid)
                    .arg(pod->ipAddress));
    } else if (pod->status == QLatin1String("active") || pod->status == QLatin1String("suspended")) {
        ctx.log(QStringLiteral("the pod was reinstalled already"));
        return {};
    }
    auto fresh = jobPod(*progress);
    if (!fresh)
        return fresh.error();
    return buildGuest(ctx, *progress, *fresh);
}

} // namespace mp::cloudpods
