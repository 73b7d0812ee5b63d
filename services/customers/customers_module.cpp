#include "customers/customers_module.h"

#include "customers/customer_routes.h"
#include "customers/customers_openapi.h"
#include "module/module_context.h"

namespace mp::customers {

Module customersModule()
{
    return Module(QStringLiteral("customers"), QStringList{}, [](ModuleContext &module) {
        module.routes(&registerCustomerRoutes);
        module.routes(&registerAuthRoutes);
        module.openApi(openApiFragment());
    });
}

} // namespace mp::customers
