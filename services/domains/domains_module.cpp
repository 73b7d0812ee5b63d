#include "domains/domains_module.h"

#include "domains/domain.h"
#include "domains/domain_jobs.h"
#include "domains/domain_provisioner.h"
#include "domains/domain_sync.h"
#include "domains/domains_bodies.h"
#include "domains/domains_openapi.h"
#include "domains/domains_routes.h"
#include "module/module_context.h"

#include <QCoreApplication>

namespace mp::domains {

Module domainsModule()
{
    return Module(
        QStringLiteral("domains"),
        QStringList{QStringLiteral("catalog"), QStringLiteral("subscriptions"), QStringLiteral("dns")},
        [](ModuleContext &module) {
            module.routes(&registerDomainRoutes);
            module.openApi(openApiFragment());
            module.staffWrites(StaffAction::PlaceOrders, {QStringLiteral("POST /api/domains/search"),
                                                          QStringLiteral("POST /api/domains/transfer")});
            module.staffWrites(StaffAction::ManageSubscriptions,
                               {QStringLiteral("POST /api/domains/{id}/renew")});
            module.staffWrites(StaffAction::ManageProviders, {QStringLiteral("PUT /api/domains/registrar")});
            module.staffWrites(StaffAction::ManageDomains,
                               {QStringLiteral("POST /api/domains/{id}/nameservers"),
                                QStringLiteral("POST /api/domains/{id}/lock"),
                                QStringLiteral("POST /api/domains/{id}/auth-code"),
                                QStringLiteral("POST /api/domains/{id}/dnssec"),
                                QStringLiteral("POST /api/domains/{id}/retry")});
            module.jobKind(kinds::registerDomain, &registerDomainJob);
            module.jobKind(kinds::renewDomain, &renewDomainJob);
            module.jobKind(kinds::transferStatus, &transferStatusJob);
            module.jobKind(kinds::registrarChange, &registrarChangeJob);
            module.jobKind(kinds::sync, &syncDomainsJob);
            module.jobKind(kinds::priceSync, &syncPricesJob);
            JobSchedule sync;
            sync.name = kinds::sync;
            sync.kind = kinds::sync;
            sync.dailyAt = QTime(3, 30);
            module.schedule(sync);
            JobSchedule prices;
            prices.name = kinds::priceSync;
            prices.kind = kinds::priceSync;
            prices.dailyAt = QTime(4, 0);
            module.schedule(prices);

            provisioning::ProductType domain;
            domain.id = kProductType;
            // Translated by the console in the "mp::ProductTypes" context.
            domain.label = QString::fromUtf8(QT_TRANSLATE_NOOP("mp::ProductTypes", "Domain"));
            domain.order = 20;
            domain.pricing = provisioning::Pricing::RegistrarYears;
            domain.provisioner = std::make_shared<DomainProvisioner>();
            domain.lineOptions = domainLineOptions();
            module.productType(domain);
        });
}

} // namespace mp::domains
