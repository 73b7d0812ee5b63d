#include "cloudpods/cloudpod_jobs.h"

#include "cloudpods/cloud_pod.h"
#include "cloudpods/pod_job_handlers.h"
#include "cloudpods/provisioning_scripts.h"
#include "module/module_context.h"

namespace mp::cloudpods {

void declareCloudPodJobs(ModuleContext &module)
{
    module.jobKind(kinds::provision, provisionPod);
    module.jobKind(kinds::power, powerPod);
    module.jobKind(kinds::terminate, terminatePod);
    module.jobKind(kinds::reconcile, reconcilePods);
    module.jobKind(kinds::resetPassword, resetPodPassword);
    module.jobKind(kinds::reinstall, reinstallPod);
    module.jobKind(kinds::removeKey, &ProvisioningScripts::removeKeyJob);
    JobSchedule reconcile;
    reconcile.name = QStringLiteral("cloudpod.reconcile.quarter_hourly");
    reconcile.kind = kinds::reconcile;
    reconcile.everyMs = 15 * 60 * 1000;
    reconcile.maxAttempts = 1; // the next period runs it again anyway
    module.schedule(reconcile);
}

} // namespace mp::cloudpods
