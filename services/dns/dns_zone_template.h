#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "dns/dns_record_rules.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::dns {

// The tenant's zone template: record sets every new forward zone gets besides its NS (an MX, an
// SPF TXT, a www CNAME...). Names and targets are relative to the zone that gets them. Reverse
// zones (in-addr.arpa, ip6.arpa) get none: they hold PTRs only.
class DnsZoneTemplate {
public:
    static const api::RequestBody &body();
    // As stored: [{name, type, ttl?, records}].
    static Result<QJsonArray> read(const QSqlDatabase &db);
    // Replaces the template; every set is checked (as for a zone) before anything is stored.
    static Result<QJsonArray> write(TenantTransaction &tx, const api::BodyValues &body, const QDateTime &now);
    // The template's sets made for `zone` (canonical), checked against it.
    static Result<QList<RecordSet>> setsFor(const QSqlDatabase &db, const QString &zone, int defaultTtl);
};

} // namespace mp::dns
