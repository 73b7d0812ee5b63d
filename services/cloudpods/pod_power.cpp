// cloudpod.power and cloudpod.terminate: bring the guest to what the subscription wants. Both
// look the guest up by its pod tag each time, so running them again is harmless.
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/guest_operations.h"
#include "cloudpods/pod_job_handlers.h"
#include "cloudpods/proxmox_clusters.h"
#include "core/errors.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"

namespace mp::cloudpods {

using proxmox::GuestType;

namespace {

GuestType typeOf(const proxmox::GuestResource &guest)
{
    return guest.type == QLatin1String("qemu") ? GuestType::Qemu : GuestType::Lxc;
}

} // namespace

Result<GuestOperations> operationsFor(JobContext &ctx, PodProgress &progress, const QString &clusterId)
{
    ProxmoxSettings settings;
    auto loaded = progress.inTransaction([&](TenantTransaction &tx) -> Status {
        auto s = ProxmoxClusters::settings(tx.db(), clusterId);
        if (!s)
            return s.error();
        settings = *s;
        return {};
    });
    if (!loaded)
        return loaded.error();
    return GuestOperations(settings, [&ctx] { return ctx.stopRequested(); });
}

Status stopIfRunning(GuestOperations &ops, const proxmox::GuestResource &guest, JobContext &ctx)
{
    const GuestType type = typeOf(guest);
    const QString node = guest.node;
    const qint64 vmid = guest.vmid;
    if (auto s = ops.waitUnlocked(type, node, vmid); !s)
        return GuestOperations::stepError(QStringLiteral("waiting for guest %1").arg(vmid), node, s.error());
    auto state = ops.status(type, node, vmid);
    if (!state)
        return state.error();
    if (!state->running())
        return {};
    if (auto s = ops.runTask(QStringLiteral("stopping guest %1").arg(vmid), node,
                             [=](ProxmoxClient &c) { return c.runTask(c.stopGuest(type, node, vmid)); });
        !s)
        return s;
    ctx.log(QStringLiteral("stopped guest %1 on node '%2'").arg(vmid).arg(node));
    return {};
}

// A failed power or terminate job leaves the pod's status alone but says what went wrong.
Status reportFailure(JobContext &ctx, PodProgress &progress, const CloudPod &pod, const Status &result)
{
    if (result)
        return result;
    if (GuestOperations::aborted(result.error()))
        return ctx.cancelRequested() ? JobContext::cancelled() : JobContext::interrupted();
    ctx.log(result.error().message);
    if (auto s = progress.setStatus(pod.status, result.error().message, ctx.now()); !s)
        ctx.log(QStringLiteral("could not record the error on the pod: %1").arg(s.error().message));
    return result;
}

Status destroyPodGuest(JobContext &ctx, PodProgress &progress, const CloudPod &pod)
{
    if (pod.clusterId.isEmpty())
        return {};
    auto ops = operationsFor(ctx, progress, pod.clusterId);
    if (!ops)
        return ops.error();
    bool foreign = false;
    auto found = ops->findPodGuest(pod.tag(), pod.vmid, pod.hostname, &foreign);
    if (!found)
        return found.error();
    if (!found->has_value() || foreign) {
        ctx.log(QStringLiteral("no guest of this pod on the cluster: nothing to destroy"));
        return {};
    }
    const proxmox::GuestResource guest = **found;
    if (auto s = stopIfRunning(*ops, guest, ctx); !s)
        return s;
    const GuestType type = typeOf(guest);
    const QString node = guest.node;
    const qint64 vmid = guest.vmid;
    if (auto s = ops->runTask(QStringLiteral("destroying guest %1").arg(vmid), node,
                              [=](ProxmoxClient &c) { return c.runTask(c.destroyGuest(type, node, vmid)); });
        !s)
        return s;
    ctx.log(QStringLiteral("destroyed guest %1 on node '%2' (purged)").arg(vmid).arg(node));
    return {};
}

Status powerPod(JobContext &ctx)
{
    auto progress = openPodForJob(ctx);
    if (!progress)
        return progress.error();
    auto pod = progress->pod();
    if (!pod)
        return pod.error().code == errors::NotFound ? JobContext::permanent(QStringLiteral("no such pod"))
                                                    : pod.error();
    if (pod->status == QLatin1String("terminated") || pod->terminateRequested)
        return {};
    if (pod->status != QLatin1String("active") && pod->status != QLatin1String("suspended")) {
        // Provisioning reads the wish when it finishes.
        ctx.log(QStringLiteral("the pod is %1: provisioning applies the power state").arg(pod->status));
        return {};
    }
    auto ops = operationsFor(ctx, *progress, pod->clusterId);
    if (!ops)
        return ops.error();
    const Status result = [&]() -> Status {
        bool foreign = false;
        auto found = ops->findPodGuest(pod->tag(), pod->vmid, pod->hostname, &foreign);
        if (!found)
            return found.error();
        if (!found->has_value() || foreign)
            return makeError(errors::CloudpodGuestMissing,
                             QStringLiteral("the guest of pod %1 (VMID %2) is gone from %3")
                                 .arg(pod->hostname)
                                 .arg(pod->vmid)
                                 .arg(ops->settings().describe()));
        const proxmox::GuestResource guest = **found;
        if (pod->suspendRequested) {
            if (auto s = stopIfRunning(*ops, guest, ctx); !s)
                return s;
            return progress->setStatus(QStringLiteral("suspended"), {}, ctx.now());
        }
        const GuestType type = typeOf(guest);
        auto state = ops->status(type, guest.node, guest.vmid);
        if (!state)
            return state.error();
        if (!state->running()) {
            const QString node = guest.node;
            const qint64 vmid = guest.vmid;
            if (auto s =
                    ops->runTask(QStringLiteral("starting guest %1").arg(vmid), node,
                                 [=](ProxmoxClient &c) { return c.runTask(c.startGuest(type, node, vmid)); });
                !s)
                return s;
            ctx.log(QStringLiteral("started guest %1 on node '%2'").arg(vmid).arg(node));
        }
        return progress->setStatus(QStringLiteral("active"), {}, ctx.now());
    }();
    return reportFailure(ctx, *progress, *pod, result);
}

Status terminatePod(JobContext &ctx)
{
    auto progress = openPodForJob(ctx);
    if (!progress)
        return progress.error();
    auto pod = progress->pod();
    if (!pod)
        return pod.error().code == errors::NotFound ? JobContext::permanent(QStringLiteral("no such pod"))
                                                    : pod.error();
    if (pod->status == QLatin1String("terminated"))
        return {};
    const Status result = [&]() -> Status {
        if (auto s = destroyPodGuest(ctx, *progress, *pod); !s)
            return s;
        if (auto s = progress->markTerminated(ctx.now()); !s)
            return s;
        ctx.log(QStringLiteral("pod terminated; node allocation, VMID and address released"));
        return {};
    }();
    return reportFailure(ctx, *progress, *pod, result);
}

} // namespace mp::cloudpods
