#include "billing/billing_module.h"

#include "billing/billing_openapi.h"
#include "billing/billing_routes.h"
#include "billing/settings_routes.h"
#include "module/module_context.h"

namespace mp::billing {

Module billingModule()
{
    return Module(
        QStringLiteral("billing"), QStringList{QStringLiteral("catalog"), QStringLiteral("customers")},
        [](ModuleContext &module) {
            module.routes(&registerBillingRoutes);
            module.routes(&registerSettingsRoutes);
            module.staffWrites(StaffAction::ManageSettings, {QStringLiteral("PUT /api/billing/settings"),
                                                             QStringLiteral("POST /api/tax-rates"),
                                                             QStringLiteral("DELETE /api/tax-rates/{id}")});
            // Built when the document is first served, after every module declared its product
            // types: the checkout's options are theirs.
            module.openApi(&openApiFragment);
        });
}

} // namespace mp::billing
