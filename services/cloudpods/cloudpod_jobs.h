#pragma once

namespace mp {
class ModuleContext;
}

namespace mp::cloudpods {

// The CloudPod job kinds: cloudpod.provision, cloudpod.power (suspend / unsuspend),
// cloudpod.terminate and the scheduled cloudpod.reconcile.
// cloudpod.reconcile runs every quarter hour for every tenant.
void declareCloudPodJobs(ModuleContext &module);

} // namespace mp::cloudpods
