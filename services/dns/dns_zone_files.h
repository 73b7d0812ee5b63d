#pragma once

#include "core/result.h"
#include "dns/dns_zone.h"
#include "dns/dns_zones.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::dns {

// What an import queued: the zone's change (one job, one PATCH) and what the file held.
struct Imported {
    Queued queued;
    int recordSets = 0;
    int skipped = 0; // SOA and DNSSEC records: the server makes its own
};

// A zone as a BIND zone file and back, through the same rules as every other change.
class ZoneFiles {
public:
    // The zone as mPanel holds it (pending changes included), the SOA as the tenant's settings
    // make it with the serial PowerDNS last reported.
    static Result<QString> exportZone(const QSqlDatabase &db, const DnsZone &zone);
    // Every record set the file holds replaces the zone's set of that name and type; the rest of
    // the zone stays. Refused whole (field zone_file, "line N: ...") at the first fault.
    static Result<Imported> importInto(TenantTransaction &tx, const DnsZone &zone, const QString &text,
                                       const QString &actor, const QDateTime &now);
};

} // namespace mp::dns
