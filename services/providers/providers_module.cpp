#include "providers/providers_module.h"

#include "module/module_context.h"
#include "providers/providers_openapi.h"
#include "providers/providers_routes.h"

namespace mp::providers {

Module providersModule()
{
    return Module(QStringLiteral("providers"), QStringList{}, [](ModuleContext &module) {
        module.routes(&registerProviderRoutes);
        module.openApi(openApiFragment());
    });
}

} // namespace mp::providers
