#pragma once

#include "api/request_body.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

namespace mp {
class TenantTransaction;
}

namespace mp::dns {

// What every zone of a tenant is made with, and where CloudPods get their names.
struct DnsSettings {
    QString podZone;         // "pods.example.net.": a pod is <hostname>.<podZone>; empty: pods get no names
    QString soaMname;        // the primary name server in the SOA; empty: the first of `nameservers`
    QString soaRname;        // "hostmaster.example.net."; empty: hostmaster.<zone>
    QStringList nameservers; // NS records of every new zone
    int defaultTtl = 3600;

    // The SOA content for `zone` (serial 0: PowerDNS sets it, SOA-EDIT-API DEFAULT), or empty when
    // there is no name server to name (the server's default-soa-content applies).
    QString soaFor(const QString &zone) const;
    QJsonObject toJson() const;
};

class DnsSettingsStore {
public:
    static const api::RequestBody &body();
    static Result<DnsSettings> read(const QSqlDatabase &db);
    // Replaces the tenant's settings with the body's (absent fields keep their value).
    static Result<DnsSettings> write(TenantTransaction &tx, const api::BodyValues &body,
                                     const QDateTime &now);
};

} // namespace mp::dns
