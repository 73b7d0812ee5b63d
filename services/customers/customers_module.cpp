#include "customers/customers_module.h"

#include "customers/customer_routes.h"
#include "customers/customers_openapi.h"
#include "module/module_context.h"

namespace mp::customers {

QStringList CustomersModule::dependencies() const
{
    return {};
}

void CustomersModule::declare(ModuleContext &module) const
{
    module.routes(&registerCustomerRoutes);
    module.routes(&registerAuthRoutes);
    module.openApi(openApiFragment());
}

} // namespace mp::customers
