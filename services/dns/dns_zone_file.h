#pragma once

#include "core/result.h"
#include "dns/dns_record_rules.h"
#include "dns/dns_zone.h"

#include <QList>
#include <QString>

// Zones in BIND's zone-file format (RFC 1035 section 5): what import reads and export writes.
namespace mp::dns {

inline constexpr int kMaxZoneFileChars = 4 * 1024 * 1024;

// What a zone file holds for `zone`: one change (REPLACE) per name and type, each record already
// checked (recordContent) and every name made absolute. The SOA and the DNSSEC records PowerDNS
// makes itself (DNSKEY, RRSIG, NSEC*, CDS, CDNSKEY) are skipped and counted. Each change's path
// is zoneFileField(line) of its first line, so a later check names the line as well.
struct ZoneFileContent {
    QList<RecordChange> changes;
    int skipped = 0;
};

// Refuses the file at its first fault with field "zone_file" and a message that starts with
// "line N:". Understands $ORIGIN, $TTL, (), comments, quoted strings, "@", blank owners (the
// previous owner), TTL and class in either order, TTL units (1h, 2d); refuses $INCLUDE and
// $GENERATE (nothing is read from elsewhere) and types mPanel does not manage.
Result<ZoneFileContent> parseZoneFile(const QString &text, const QString &zone, int defaultTtl);

// The zone's record sets as a zone file (owners relative to $ORIGIN, targets absolute), with the
// SOA first; `soa` is its content ("mname rname serial refresh retry expire minimum").
QString writeZoneFile(const QString &zone, const QString &soa, int soaTtl, const QList<DnsRecordRow> &sets);

// "zone_file:12": the path a change from line 12 carries.
QString zoneFileField(int line);
// An error about a path zoneFileField made, as the API answers it: field "zone_file" and the
// message led by "line N: "; any other error as it is.
Error zoneFileError(const Error &error);

} // namespace mp::dns
