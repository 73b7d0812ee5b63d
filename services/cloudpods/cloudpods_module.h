#pragma once

#include "module/module.h"

namespace mp::cloudpods {

// CloudPods on Proxmox VE: the "cloudpod" product type, its jobs and the clusters as a provider.
Module cloudPodsModule();

} // namespace mp::cloudpods
