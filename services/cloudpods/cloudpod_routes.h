#pragma once

#include "cloudpods/cloud_pod.h"
#include "core/result.h"
#include "http/http_message.h"

namespace mp {
class ApiContext;
class Router;
class TenantTransaction;
struct Caller;
} // namespace mp

namespace mp::cloudpods {

// A pod the caller may see: staff any of the tenant's, a customer only its own (anything else
// is the 404 of an id that does not exist).
Result<CloudPod> visiblePod(const HttpRequest &request, TenantTransaction &tx, const Caller &caller);
// The pod with its jobs and their logs, as GET /api/cloudpods/{id} answers it.
HttpResponse podDetail(TenantTransaction &tx, const CloudPod &pod, int status);

// /api/cloudpods (pods: list, detail with job history, create, retry, suspend, unsuspend,
// terminate), /api/cloudpod-findings (and /check: reconcile now), /api/proxmox/clusters (secret
// write-only), their nodes, /api/proxmox/nodes (capacity) and /api/ip-pools.
void registerCloudPodRoutes(Router &router, ApiContext &context);

} // namespace mp::cloudpods
