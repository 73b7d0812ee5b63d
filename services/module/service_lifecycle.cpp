#include "module/service_lifecycle.h"

#include "module/product_types.h"
#include "module/provisioner.h"

namespace mp::provisioning {

namespace {

std::shared_ptr<Provisioner> provisionerOf(const ServiceRequest &request)
{
    const auto type = ProductTypes::global().find(request.productType);
    return type ? type->provisioner : nullptr;
}

using Step = Status (Provisioner::*)(TenantTransaction &, const ServiceRequest &, const QDateTime &);

Status dispatch(Step step, TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    const auto provisioner = provisionerOf(request);
    if (!provisioner)
        return {};
    return ((*provisioner).*step)(tx, request, now);
}

} // namespace

Status onActivated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::activated, tx, request, now);
}

Status onRenewed(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::renewed, tx, request, now);
}

Status onSuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::suspended, tx, request, now);
}

Status onUnsuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::unsuspended, tx, request, now);
}

Status onCancelled(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::cancelled, tx, request, now);
}

Status onTerminated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::terminated, tx, request, now);
}

Status onChanged(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    return dispatch(&Provisioner::changed, tx, request, now);
}

Result<QString> serviceStatus(TenantTransaction &tx, const ServiceRequest &request)
{
    const auto provisioner = provisionerOf(request);
    if (!provisioner)
        return QStringLiteral("no provisioned service (nothing provisions %1 products yet)")
            .arg(request.productType.isEmpty() ? QStringLiteral("these") : request.productType);
    return provisioner->status(tx, request);
}

Result<QJsonArray> serviceDetails(TenantTransaction &tx, const ServiceRequest &request, bool forStaff)
{
    const auto provisioner = provisionerOf(request);
    if (!provisioner)
        return QJsonArray();
    return provisioner->services(tx, request, forStaff);
}

} // namespace mp::provisioning
