#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::payments {

// POST /webhooks/stripe (Stripe, signed), POST /api/invoices/{id}/pay (the invoice's customer or
// staff), POST /api/invoices/{id}/refund (staff), GET /api/payments (staff). Stripe settings come
// from the context's configuration (MPANEL_STRIPE_*), read once here.
void registerPaymentRoutes(Router &router, ApiContext &context);

} // namespace mp::payments
