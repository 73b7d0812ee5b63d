#pragma once

namespace mp {

class ApiContext;
class Router;

// The one place where every API module hooks its routes into the companion service.
void registerApiModules(Router &router, ApiContext &context);

} // namespace mp
