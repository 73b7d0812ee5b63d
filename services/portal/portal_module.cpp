#include "portal/portal_module.h"

#include "module/module_context.h"
#include "portal/portal_openapi.h"
#include "portal/portal_routes.h"

namespace mp::portal {

Module portalModule()
{
    // It shows what these modules serve, through their own API routes.
    return Module(QStringLiteral("portal"),
                  QStringList{QStringLiteral("customers"), QStringLiteral("billing"),
                              QStringLiteral("payments"), QStringLiteral("subscriptions"),
                              QStringLiteral("cloudpods")},
                  [](ModuleContext &module) {
                      module.routes(&registerPortalRoutes);
                      module.openApi(openApiFragment());
                  });
}

} // namespace mp::portal
