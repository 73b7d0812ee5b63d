#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::catalog {

// /api/products and /api/cloudpod-templates. Staff tokens manage the catalog; a customer token
// reads the public catalog (active products only).
void registerCatalogRoutes(Router &router, ApiContext &context);

} // namespace mp::catalog
