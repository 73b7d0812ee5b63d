#include "subscriptions/subscriptions_module.h"

#include "module/module_context.h"
#include "subscriptions/subscription_jobs.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_openapi.h"
#include "subscriptions/subscription_routes.h"

namespace mp::subscriptions {

Module subscriptionsModule()
{
    return Module(QStringLiteral("subscriptions"), QStringList{QStringLiteral("billing")},
                  [](ModuleContext &module) {
                      module.routes(&registerSubscriptionRoutes);
                      module.openApi(openApiFragment());
                      declareSubscriptionJobs(module);
                      // A paid order starts subscriptions (and through them, each product type's
                      // provisioner); a paid renewal extends them.
                      module.onInvoicePaid(&SubscriptionLifecycle::onInvoicePaid);
                  });
}

} // namespace mp::subscriptions
