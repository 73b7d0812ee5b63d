#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::monitoring {

void registerMonitoringRoutes(Router &router, ApiContext &context);

} // namespace mp::monitoring
