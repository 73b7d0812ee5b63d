#include "billing/billing_module.h"

#include "billing/billing_openapi.h"
#include "billing/billing_routes.h"
#include "module/module_context.h"

namespace mp::billing {

QStringList BillingModule::dependencies() const
{
    return {QStringLiteral("catalog"), QStringLiteral("customers")};
}

void BillingModule::declare(ModuleContext &module) const
{
    module.routes(&registerBillingRoutes);
    module.openApi(openApiFragment());
}

} // namespace mp::billing
