#pragma once

namespace mp {

class ApiContext;
class Router;

// GET /api/jobs (filters: status, kind, related_type + related_id, before, limit),
// GET /api/jobs/{id} (with its log), POST /api/jobs/{id}/retry, POST /api/jobs/{id}/cancel.
// Staff only; every call runs in the caller's tenant transaction, so another tenant's job is a 404.
void registerJobRoutes(Router &router, ApiContext &context);

} // namespace mp
