#pragma once

namespace mp {
class Router;
class ApiContext;
} // namespace mp

namespace mp::guardian {

void registerGuardianRoutes(Router &router, ApiContext &context);

} // namespace mp::guardian
