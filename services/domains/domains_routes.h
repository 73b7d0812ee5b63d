#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::domains {

// GET /api/domains[/{id}], POST /api/domains/search, POST /api/domains/transfer, and a domain's
// actions (/renew, /nameservers, /lock, /auth-code, /dnssec, /retry); GET/PUT
// /api/domains/registrar for staff. Customers see and act on their own domains only.
void registerDomainRoutes(Router &router, ApiContext &context);

} // namespace mp::domains
