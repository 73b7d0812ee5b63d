#pragma once

#include "cloudpods/guest_operations.h"
#include "cloudpods/pod_progress.h"
#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::cloudpods {

// The handlers behind the CloudPod job kinds (payload {"pod_id": ...} except reconcile).
Status provisionPod(JobContext &ctx);     // pod_provisioner.cpp
Status powerPod(JobContext &ctx);         // pod_power.cpp
Status terminatePod(JobContext &ctx);     // pod_power.cpp
Status reconcilePods(JobContext &ctx);    // pod_reconciler.cpp
Status resetPodPassword(JobContext &ctx); // pod_access_jobs.cpp
Status reinstallPod(JobContext &ctx);     // pod_access_jobs.cpp

// Shared steps of the pod jobs (pod_power.cpp): the cluster's operations, stopping a running
// guest, destroying the pod's guest (stop, destroy with purge; none is fine), and recording a
// failed step on the pod without changing its status.
Result<GuestOperations> operationsFor(JobContext &ctx, PodProgress &progress, const QString &clusterId);
Status stopIfRunning(GuestOperations &ops, const proxmox::GuestResource &guest, JobContext &ctx);
Status destroyPodGuest(JobContext &ctx, PodProgress &progress, const CloudPod &pod);
Status reportFailure(JobContext &ctx, PodProgress &progress, const CloudPod &pod, const Status &result);

// Places, creates (or adopts) and starts the pod's guest, recording an error on the pod when a
// step fails (pod_provisioner.cpp); the provision and reinstall jobs share it.
Status buildGuest(JobContext &ctx, PodProgress &progress, const CloudPod &pod);

// The job's pod with its lock held, or why the job cannot go on (a bad payload is permanent,
// a pod another job holds is retried later).
Result<PodProgress> openPodForJob(JobContext &ctx);

} // namespace mp::cloudpods
