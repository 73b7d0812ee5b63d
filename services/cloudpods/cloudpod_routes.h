#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::cloudpods {

// /api/cloudpods (pods: list, detail with job history, create, retry, suspend, unsuspend,
// terminate), /api/cloudpod-findings (and /check: reconcile now), /api/proxmox/clusters (secret
// write-only), their nodes, /api/proxmox/nodes (capacity) and /api/ip-pools.
void registerCloudPodRoutes(Router &router, ApiContext &context);

} // namespace mp::cloudpods
