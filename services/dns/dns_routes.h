#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::dns {

// /api/dns/zones (staff: every zone of the tenant; a customer: only zones it owns),
// /api/dns/servers and /api/dns/settings (staff).
void registerDnsRoutes(Router &router, ApiContext &context);

} // namespace mp::dns
