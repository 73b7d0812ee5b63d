#include "cloudpods/cloudpod_jobs.h"

#include "cloudpods/cloud_pod.h"
#include "cloudpods/pod_job_handlers.h"
#include "jobs/job_registry.h"

namespace mp::cloudpods {

void registerCloudPodJobs(JobRegistry &registry)
{
    registry.add(kinds::provision, provisionPod);
    registry.add(kinds::power, powerPod);
    registry.add(kinds::terminate, terminatePod);
    registry.add(kinds::reconcile, reconcilePods);
}

QList<JobSchedule> cloudPodSchedules()
{
    JobSchedule reconcile;
    reconcile.name = QStringLiteral("cloudpod.reconcile.quarter_hourly");
    reconcile.kind = kinds::reconcile;
    reconcile.everyMs = 15 * 60 * 1000;
    reconcile.maxAttempts = 1; // the next period runs it again anyway
    return {reconcile};
}

} // namespace mp::cloudpods
