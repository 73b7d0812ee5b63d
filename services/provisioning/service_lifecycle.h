#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::provisioning {

// What subscriptions tell provisioning. Every call runs inside the transaction that changes the
// subscription, so the service's state change (a pod row, a queued job) commits with it.
// Provisioning dispatches on the product type; a type nothing provisions (e.g. `other`) is a
// no-op. Calls are idempotent: a second activation of the same subscription changes nothing.
struct ServiceRequest {
    QString subscriptionId;
    QString customerId;
    QString productId;
    QString productType; // catalog product type: cloudpod, domain, email, backup, ssl, other
    QString orderItemId; // the order line that bought it (hostname, domain name), may be empty
};

Status onActivated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onSuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onUnsuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
Status onTerminated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);
// The subscription now names another product or cycle (request carries the new product); runs
// in the job queued when the change is applied (defined in service_change.cpp).
Status onChanged(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now);

} // namespace mp::provisioning
