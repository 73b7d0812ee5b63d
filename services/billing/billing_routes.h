#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::billing {

// POST /api/checkout (a customer for itself, staff for a customer), /api/invoices (staff:
// the tenant's; a customer: its own), status changes, credit notes and invoice PDFs.
void registerBillingRoutes(Router &router, ApiContext &context);

} // namespace mp::billing
