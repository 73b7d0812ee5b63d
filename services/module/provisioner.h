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

// What a module does for the services of the product type it sells. Subscriptions call it inside
// the transaction that changes the subscription, so the service's state change (a row, a queued
// job) commits with it; the work on the provider happens in the module's jobs. Every call must be
// idempotent: a second activation of the same subscription changes nothing.
class Provisioner {
public:
    virtual ~Provisioner() = default;

    // The subscription's first period was paid: create the service.
    virtual Status activated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now) = 0;
    // A renewal invoice was paid and the period extended (a domain renews at the registrar here).
    virtual Status renewed(TenantTransaction &, const ServiceRequest &, const QDateTime &) { return {}; }
    virtual Status suspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now) = 0;
    virtual Status unsuspended(TenantTransaction &tx, const ServiceRequest &request,
                               const QDateTime &now) = 0;
    // The customer cancelled at the period's end: the service keeps running until then.
    virtual Status cancelled(TenantTransaction &, const ServiceRequest &, const QDateTime &) { return {}; }
    // Cancelled now or expired: the service goes away and its resources are released.
    virtual Status terminated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now) = 0;
    // The subscription now names another product or cycle (request carries the new product).
    virtual Status changed(TenantTransaction &, const ServiceRequest &, const QDateTime &) { return {}; }
    // One line for staff: the provisioned service's state, or why there is none.
    virtual Result<QString> status(TenantTransaction &tx, const ServiceRequest &request) = 0;
    // What was provisioned for the subscription as it really is now, one object per service
    // (each of a line's pods): {"id", "type", "name", "state", ...}. `forStaff` adds what only
    // staff see (nodes, provider errors). Default: nothing to list.
    virtual Result<QJsonArray> services(TenantTransaction &, const ServiceRequest &, bool /*forStaff*/)
    {
        return QJsonArray();
    }
};

} // namespace mp::provisioning
