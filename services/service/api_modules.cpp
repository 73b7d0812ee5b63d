#include "service/api_modules.h"

#include "module/module_registry.h"
#include "service/service_modules.h"

namespace mp {

void registerApiModules(Router &router, ApiContext &context)
{
    installServiceModules();
    ModuleRegistry::global().installRoutes(router, context);
}

} // namespace mp
