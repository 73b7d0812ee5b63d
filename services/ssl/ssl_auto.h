#pragma once

#include "module/domain_events.h"
#include "module/service_events.h"

namespace mp::ssl {

// AutoSSL: every name mPanel gives out gets a certificate job without anyone asking. A CloudPod
// that comes up with its name <hostname>.<pod zone> (the DNS module's) gets one for that name by
// dns-01; a domain that becomes active gets one for the name and www. (dns-01 when its zone is in
// mPanel's DNS, else http-01). One certificate per domain or pod (asked again: nothing new);
// a pod that is gone has its certificate revoked. MPANEL_SSL_AUTO=off turns it off.
Status certifyService(TenantTransaction &tx, const provisioning::ServiceOnline &service,
                      const QDateTime &now);
Status revokeServiceCertificate(TenantTransaction &tx, const provisioning::ServiceGone &service,
                                const QDateTime &now);
Status certifyDomain(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now);

} // namespace mp::ssl
