#include "dns/dns_module.h"

#include "dns/dns_openapi.h"
#include "dns/dns_routes.h"
#include "dns/dns_servers.h"
#include "dns/dns_service_names.h"
#include "dns/dns_sync_job.h"
#include "dns/dns_zone.h"
#include "module/module_context.h"

namespace mp::dns {

Module dnsModule()
{
    // Zones may belong to customers; pods get their names when they come up.
    return Module(QStringLiteral("dns"), QStringList{QStringLiteral("customers")}, [](ModuleContext &module) {
        module.routes(&registerDnsRoutes);
        module.staffWrites(StaffAction::ManageDns, {QStringLiteral("POST /api/dns/zones"),
                                                    QStringLiteral("DELETE /api/dns/zones/{name}"),
                                                    QStringLiteral("PATCH /api/dns/zones/{name}/records"),
                                                    QStringLiteral("POST /api/dns/zones/{name}/dnssec"),
                                                    QStringLiteral("POST /api/dns/zones/import"),
                                                    QStringLiteral("PUT /api/dns/reverse/{address}"),
                                                    QStringLiteral("PUT /api/dns/template")});
        module.staffWrites(StaffAction::ManageProviders, {QStringLiteral("POST /api/dns/servers"),
                                                          QStringLiteral("PUT /api/dns/settings")});
        module.openApi(openApiFragment());
        module.jobKind(kinds::syncZone, &syncZone);
        module.provider(powerDnsProviderSource());
        module.onServiceOnline(&nameService);
        module.onServiceGone(&unnameService);
    });
}

} // namespace mp::dns
