#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::providers {

// GET /api/system/providers (staff): whether Stripe and each Proxmox cluster are the sandbox's
// emulators, test or live, and where mPanel calls them.
void registerProviderRoutes(Router &router, ApiContext &context);

} // namespace mp::providers
