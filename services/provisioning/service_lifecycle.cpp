#include "provisioning/service_lifecycle.h"

// Until a provisioner exists for a product type, its subscriptions carry no provisioned service.
// Each provisioner (CloudPods first) adds its dispatch here.

namespace mp::provisioning {

Status onActivated(TenantTransaction &, const ServiceRequest &, const QDateTime &)
{
    return {};
}

Status onSuspended(TenantTransaction &, const ServiceRequest &, const QDateTime &)
{
    return {};
}

Status onUnsuspended(TenantTransaction &, const ServiceRequest &, const QDateTime &)
{
    return {};
}

Status onTerminated(TenantTransaction &, const ServiceRequest &, const QDateTime &)
{
    return {};
}

Result<QString> serviceStatus(TenantTransaction &, const ServiceRequest &request)
{
    return QStringLiteral("no provisioned service (nothing provisions %1 products yet)")
        .arg(request.productType.isEmpty() ? QStringLiteral("these") : request.productType);
}

} // namespace mp::provisioning
