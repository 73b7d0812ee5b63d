#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::portal {

// The portal's pages, files and session endpoints, and the pages Stripe Checkout sends the
// customer back to (MPANEL_PUBLIC_URL/payments/success and /payments/cancel).
void registerPortalRoutes(Router &router, ApiContext &context);

} // namespace mp::portal
