#include "service/service_modules.h"

#include "billing/billing_module.h"
#include "catalog/catalog_module.h"
#include "cloudpods/cloudpods_module.h"
#include "core/json_log.h"
#include "customers/customers_module.h"
#include "dns/dns_module.h"
#include "domains/domains_module.h"
#include "guardian/guardian_module.h"
#include "mail/mail_module.h"
#include "module/module_registry.h"
#include "monitoring/monitoring_module.h"
#include "notifications/notifications_module.h"
#include "payments/payments_module.h"
#include "portal/portal_module.h"
#include "providers/providers_module.h"
#include "service/system_module.h"
#include "ssl/ssl_module.h"
#include "subscriptions/subscriptions_module.h"

#include <cstdlib>
#include <mutex>

namespace mp {

namespace {

void add(Module module)
{
    const QString name = module.name();
    if (auto s = ModuleRegistry::global().add(std::move(module)); !s) {
        // Only a wrong list below gets here: no process should run without a module it lists.
        JsonLog::write(QStringLiteral("module_not_declared"),
                       {{QStringLiteral("module"), name}, {QStringLiteral("message"), s.error().message}});
        std::abort();
    }
}

} // namespace

void installServiceModules()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // The one list of modules, each after the modules it builds on.
        add(systemModule());
        add(catalog::catalogModule());
        add(customers::customersModule());
        add(billing::billingModule());
        add(payments::paymentsModule());
        add(subscriptions::subscriptionsModule());
        add(cloudpods::cloudPodsModule());
        add(dns::dnsModule());
        add(domains::domainsModule());
        add(providers::providersModule());
        add(notifications::notificationsModule());
        add(monitoring::monitoringModule());
        add(ssl::sslModule());
        add(mail::mailModule());
        add(guardian::guardianModule());
        add(portal::portalModule());
    });
}

} // namespace mp
