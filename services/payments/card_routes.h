#pragma once

namespace mp {
class ApiContext;
class Router;
struct StripeSettings;
} // namespace mp

namespace mp::payments {

// A customer's saved cards: GET /api/cards (a customer's own; staff name ?customer_id=),
// POST /api/cards/{id}/default (the card renewals charge), DELETE /api/cards/{id} (detached at
// Stripe for good). The list is refreshed from Stripe when Stripe answers, and shown as stored
// ("synced": false) when it does not.
void registerCardRoutes(Router &router, ApiContext &context);

} // namespace mp::payments
