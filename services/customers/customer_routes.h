#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::customers {

// /api/customers (staff: the tenant's customers; a customer token: its own record only) and
// /api/auth/* (signup, login, refresh, logout). Registers the customer token resolver.
void registerCustomerRoutes(Router &router, ApiContext &context);
void registerAuthRoutes(Router &router, ApiContext &context);

} // namespace mp::customers
