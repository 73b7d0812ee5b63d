#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::billing {

// Company and tax settings (staff): GET/PUT /api/billing/settings, GET/POST /api/tax-rates,
// DELETE /api/tax-rates/{id}.
void registerSettingsRoutes(Router &router, ApiContext &context);

} // namespace mp::billing
