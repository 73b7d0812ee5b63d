#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

namespace mp {
class TenantTransaction;
}

namespace mp::provisioning {

// A provisioned service has come up with its addresses (a CloudPod active at 10.20.0.10): what
// other modules may build on it (DNS gives it a name and a PTR record).
struct ServiceOnline {
    QString serviceType; // "cloud_pod": stable, the service's kind
    QString serviceId;
    QString customerId;
    QString subscriptionId; // empty: made by staff
    QString hostname;       // the one DNS label the service is known by ("web1")
    QStringList addresses;  // its IP addresses
    int prefixLength = 0;   // of the network its first address comes from (its IP pool); 0: unknown
};

// The service is gone for good (a CloudPod terminated): what modules made for it goes too.
struct ServiceGone {
    QString serviceType;
    QString serviceId;
};

using ServiceOnlineHook =
    std::function<Status(TenantTransaction &tx, const ServiceOnline &service, const QDateTime &now)>;
using ServiceGoneHook =
    std::function<Status(TenantTransaction &tx, const ServiceGone &service, const QDateTime &now)>;

// Events, not calls up the stack: the module that provisions a service announces it here, in the
// transaction that records the change, and modules that react registered with
// ModuleContext::onServiceOnline / onServiceGone. Neither side names the other. A hook queues
// its work (a job) rather than calling a provider; an error rolls the announcing transaction
// back, so a hook refuses only what it cannot record.
class ServiceEvents {
public:
    // `name` says who registered (a second registration of a name is ignored).
    static void onOnline(const QString &name, ServiceOnlineHook hook);
    static void onGone(const QString &name, ServiceGoneHook hook);

    // Runs every registered hook, in the order the modules were declared.
    static Status online(TenantTransaction &tx, const ServiceOnline &service, const QDateTime &now);
    static Status gone(TenantTransaction &tx, const ServiceGone &service, const QDateTime &now);
};

} // namespace mp::provisioning
