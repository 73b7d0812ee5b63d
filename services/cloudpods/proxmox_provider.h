#pragma once

#include "module/provider_source.h"

namespace mp::cloudpods {

// The tenant's Proxmox clusters as the CloudPods module declares them for the provider
// overview: one status per cluster, "sandbox" only for a loopback emulator (cluster_mode).
ProviderSource proxmoxProviderSource();

} // namespace mp::cloudpods
