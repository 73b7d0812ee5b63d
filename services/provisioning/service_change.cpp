#include "provisioning/service_lifecycle.h"

// Kept apart from service_lifecycle.cpp: a change of product or cycle (more RAM, another plan)
// is dispatched here by product type once a provisioner resizes services; until then no
// product type carries a provisioned service that could change.

namespace mp::provisioning {

Status onChanged(TenantTransaction &, const ServiceRequest &, const QDateTime &)
{
    return {};
}

} // namespace mp::provisioning
