#include "providers/providers_module.h"

#include "module/module_context.h"
#include "providers/providers_openapi.h"
#include "providers/providers_routes.h"

namespace mp::providers {

QStringList ProvidersModule::dependencies() const
{
    return {};
}

void ProvidersModule::declare(ModuleContext &module) const
{
    module.routes(&registerProviderRoutes);
    module.openApi(openApiFragment());
}

} // namespace mp::providers
