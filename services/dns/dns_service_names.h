#pragma once

#include "module/service_events.h"

namespace mp::dns {

// Names for provisioned services (ServiceEvents): a service that comes up with addresses gets
// <hostname>.<tenant's pod zone> (A/AAAA) and the PTR of each address in the reverse zone of its
// network, both zones made when missing; a service that is gone loses exactly those record sets.
// Nothing happens while the tenant has no pod zone or no PowerDNS primary. A name that cannot be
// given (a CNAME already there) is logged and skipped: the service is up all the same.
Status nameService(TenantTransaction &tx, const provisioning::ServiceOnline &service, const QDateTime &now);
Status unnameService(TenantTransaction &tx, const provisioning::ServiceGone &service, const QDateTime &now);

} // namespace mp::dns
