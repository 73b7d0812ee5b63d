#pragma once

#include "core/result.h"
#include "module/service_request.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::provisioning {

// What subscriptions tell provisioning. Every call runs inside the transaction that changes the
// subscription and goes to the provisioner of the request's product type (ProductTypes); a type
// nothing provisions (no provisioner, or no module declares it) is a no-op.
Status onActivated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onRenewed(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onSuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onUnsuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onCancelled(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onTerminated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
// The subscription now names another product or cycle (request carries the new product); runs
// in the job queued when the change is applied.
Status onChanged(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);

// What the console shows as a subscription's provisioning status: the provisioned service's
// state, or why there is none.
Result<QString> serviceStatus(TenantTransaction &tx, const ServiceRequest &request);
// The provisioned services as they really are (Provisioner::services); empty when nothing
// provisions the type.
Result<QJsonArray> serviceDetails(TenantTransaction &tx, const ServiceRequest &request, bool forStaff);

} // namespace mp::provisioning
