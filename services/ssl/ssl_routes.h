#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::ssl {

// /api/ssl/certificates (staff: the tenant's; a customer: its own) and the HTTP-01 answers at
// /.well-known/acme-challenge/{token} (no token: the CA asks).
void registerSslRoutes(Router &router, ApiContext &context);

} // namespace mp::ssl
