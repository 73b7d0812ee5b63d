#include "billing/billing_module.h"

#include "billing/billing_openapi.h"
#include "billing/billing_routes.h"
#include "module/module_context.h"

namespace mp::billing {

Module billingModule()
{
    return Module(
        QStringLiteral("billing"), QStringList{QStringLiteral("catalog"), QStringLiteral("customers")},
        [](ModuleContext &module) {
            module.routes(&registerBillingRoutes);
            module.openApi(&openApiFragment); // built when served: checkout options come from every module
        });
}

} // namespace mp::billing
