#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::subscriptions {

// GET /api/subscriptions (staff: the tenant's, filtered; a customer: its own),
// GET /api/subscriptions/{id}, POST /api/subscriptions/{id}/cancel (staff, or the customer who
// owns it), and staff-only POST .../suspend, .../unsuspend, .../renew-now.
void registerSubscriptionRoutes(Router &router, ApiContext &context);

} // namespace mp::subscriptions
