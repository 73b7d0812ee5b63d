#include "service/api_modules.h"

#include "api/openapi.h"
#include "billing/billing_routes.h"
#include "catalog/catalog_routes.h"
#include "cloudpods/cloudpod_routes.h"
#include "customers/customer_routes.h"
#include "http/api_context.h"
#include "http/health_routes.h"
#include "http/router.h"
#include "jobs/jobs_routes.h"
#include "payments/payments_routes.h"
#include "providers/providers_routes.h"
#include "subscriptions/subscription_routes.h"

namespace mp {

void registerApiModules(Router &router, ApiContext &context)
{
    registerHealthRoutes(router, [&context] { return context.database(); });
    catalog::registerCatalogRoutes(router, context);
    customers::registerCustomerRoutes(router, context);
    customers::registerAuthRoutes(router, context);
    api::registerOpenApiRoute(router);
    registerJobRoutes(router, context);
    billing::registerBillingRoutes(router, context);
    payments::registerPaymentRoutes(router, context);
    subscriptions::registerSubscriptionRoutes(router, context);
    cloudpods::registerCloudPodRoutes(router, context);
    providers::registerProviderRoutes(router, context);
}

} // namespace mp
