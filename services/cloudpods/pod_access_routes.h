#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::cloudpods {

// Getting into a pod: /api/cloudpods/{id}/reset-password and /reinstall (the customer for their
// own pod; staff as owner, admin or support), and /api/ssh-keys (a customer's saved public keys).
void registerPodAccessRoutes(Router &router, ApiContext &context);

} // namespace mp::cloudpods
