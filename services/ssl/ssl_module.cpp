#include "ssl/ssl_module.h"

#include "module/module_context.h"
#include "ssl/ssl_auto.h"
#include "ssl/ssl_certificate.h"
#include "ssl/ssl_jobs.h"
#include "ssl/ssl_openapi.h"
#include "ssl/ssl_provider.h"
#include "ssl/ssl_routes.h"

namespace mp::ssl {

Module sslModule()
{
    // Certificates may belong to customers.
    return Module(QStringLiteral("ssl"), QStringList{QStringLiteral("customers"), QStringLiteral("dns")},
                  [](ModuleContext &module) {
                      module.routes(&registerSslRoutes);
                      module.staffWrites(StaffAction::ManageCertificates,
                                         {QStringLiteral("POST /api/ssl/certificates"),
                                          QStringLiteral("POST /api/ssl/certificates/{id}/renew"),
                                          QStringLiteral("POST /api/ssl/certificates/{id}/revoke"),
                                          QStringLiteral("POST /api/ssl/account/key-rollover")});
                      module.openApi(openApiFragment());
                      module.provider(acmeProviderSource());
                      module.jobKind(kinds::issue, &issueCertificate);
                      module.jobKind(kinds::renew, &renewCertificate);
                      module.jobKind(kinds::revoke, &revokeCertificate);
                      module.jobKind(kinds::expiryWarning, &warnOfExpiry);
                      module.jobKind(kinds::install, &installCertificate);
                      module.jobKind(kinds::rollAccountKey, &rollAccountKey);
                      module.onServiceOnline(&certifyService);
                      module.onServiceGone(&revokeServiceCertificate);
                      module.on(events::DomainActive, &certifyDomain);
                  });
}

} // namespace mp::ssl
