#pragma once

#include "api/request_body.h"

namespace mp::dns {

// A record set's name, type, ttl and records, as a change and a template entry give it.
api::RequestBody recordSetBody(const QString &schema, const QString &nameDescription, bool recordsRequired);
// POST /api/dns/zones
const api::RequestBody &newZoneBody();
// PATCH /api/dns/zones/{name}/records: {"changes": [RecordChange...]}
const api::RequestBody &recordChangesBody();
// POST /api/dns/zones/{name}/dnssec: {"enabled": true}
const api::RequestBody &dnssecBody();
// POST /api/dns/zones/import: a BIND zone file for a zone (made when missing, by staff).
const api::RequestBody &zoneImportBody();
// PUT /api/dns/reverse/{address}: {"ptr": "mail.example.com"}
const api::RequestBody &reversePtrBody();

} // namespace mp::dns
