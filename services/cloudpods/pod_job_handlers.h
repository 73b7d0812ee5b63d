#pragma once

#include "cloudpods/pod_progress.h"
#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::cloudpods {

// The handlers behind the CloudPod job kinds (payload {"pod_id": ...} except reconcile).
Status provisionPod(JobContext &ctx);  // pod_provisioner.cpp
Status powerPod(JobContext &ctx);      // pod_power.cpp
Status terminatePod(JobContext &ctx);  // pod_power.cpp
Status reconcilePods(JobContext &ctx); // pod_reconciler.cpp

// The job's pod with its lock held, or why the job cannot go on (a bad payload is permanent,
// a pod another job holds is retried later).
Result<PodProgress> openPodForJob(JobContext &ctx);

} // namespace mp::cloudpods
