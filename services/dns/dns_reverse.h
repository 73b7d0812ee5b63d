#pragma once

#include "core/result.h"
#include "dns/dns_zones.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::dns {

// A PTR record set made for a service's address (a CloudPod's), as its customer sees it.
struct ReversePtr {
    QString address;
    QString name; // "10.0.20.10.in-addr.arpa."
    QString ptr;  // "web1.pods.example.net."
    int ttl = 0;
    bool pending = false;
    QString customerId, sourceType, sourceId;

    QJsonObject toJson() const;
};

// Reverse DNS for the addresses of services: a customer sets the PTR of their own pods'
// addresses and of no other's (another's answers exactly as an address with no PTR); staff any.
// The set stays the service's, so removing the service still removes it.
class ReverseDns {
public:
    // The PTRs of services' addresses: `customerId`'s, or (empty) every customer's.
    static Result<QList<ReversePtr>> list(const QSqlDatabase &db, const QString &customerId);
    // `customerId` empty: staff. `target` is a host name (absolute, the trailing dot optional).
    static Result<Queued> setPtr(TenantTransaction &tx, const QString &address, const QString &target,
                                 const QString &customerId, const QString &actor, const QDateTime &now);
};

} // namespace mp::dns
