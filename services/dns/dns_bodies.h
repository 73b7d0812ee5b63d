#pragma once

#include "api/request_body.h"

namespace mp::dns {

// POST /api/dns/zones
const api::RequestBody &newZoneBody();
// PATCH /api/dns/zones/{name}/records: {"changes": [RecordChange...]}
const api::RequestBody &recordChangesBody();
// POST /api/dns/zones/{name}/dnssec: {"enabled": true}
const api::RequestBody &dnssecBody();

} // namespace mp::dns
