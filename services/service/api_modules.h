#pragma once

namespace mp {

class ApiContext;
class Router;

// Puts every declared module's routes into `router` (installServiceModules() first, so a caller
// needs nothing else).
void registerApiModules(Router &router, ApiContext &context);

} // namespace mp
