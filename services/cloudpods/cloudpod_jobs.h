#pragma once

#include "jobs/job_schedule.h"

namespace mp {
class JobRegistry;
}

namespace mp::cloudpods {

// The CloudPod job kinds: cloudpod.provision, cloudpod.power (suspend / unsuspend),
// cloudpod.terminate and the scheduled cloudpod.reconcile.
void registerCloudPodJobs(JobRegistry &registry);
QList<JobSchedule> cloudPodSchedules();

} // namespace mp::cloudpods
