#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QString>

// Domain names as mPanel stores them and PowerDNS wants them: lower case, absolute, with the
// trailing dot ("www.example.com."). Input may be relative to a zone ("www", "@" or empty for
// the apex) or absolute (with the trailing dot). Labels are letters, digits, hyphens and
// underscores (for _dmarc, _sip._tcp), 1 to 63 characters, not starting or ending with a hyphen;
// a name is at most 253 characters without its dot.
namespace mp::dns {

// A zone's own name: at least two labels ("example.com", "example.com." or "0.20.10.in-addr.arpa").
Result<QString> canonicalZone(const QString &input, const QString &field);
// A record set's owner inside `zone`; "*" may lead (a wildcard).
Result<QString> ownerName(const QString &input, const QString &zone, const QString &field);
// A host name a record points to (CNAME, MX, NS, PTR, SRV targets): relative to `zone` unless
// it ends with a dot. It may lie outside the zone.
Result<QString> targetName(const QString &input, const QString &zone, const QString &field);
// Whether `name` (absolute) is `zone` or below it.
bool inZone(const QString &name, const QString &zone);
// The name relative to the zone: "www" for "www.example.com.", "@" for the apex.
QString relativeName(const QString &name, const QString &zone);

// The reverse zone an address's pool delegates: the in-addr.arpa zone on the octet boundary at
// or above the prefix ("10.20.0.0/24" -> "0.20.10.in-addr.arpa."; /20 -> "20.10.in-addr.arpa.").
// IPv6 uses ip6.arpa on the nibble boundary. Empty for an invalid address.
QString reverseZone(const QHostAddress &address, int prefixLength);
// The PTR owner of an address: "10.0.20.10.in-addr.arpa.".
QString reverseName(const QHostAddress &address);

} // namespace mp::dns
