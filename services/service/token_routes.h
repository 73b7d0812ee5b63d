#pragma once

namespace mp {

class ApiContext;
class Router;

// POST /api/tokens/{id}/revoke: an owner or admin revokes one of the tenant's API tokens (the
// role matrix's manage_staff); it stops working at once.
void registerTokenRoutes(Router &router, ApiContext &context);

} // namespace mp
