#pragma once

#include "api/request_body.h"

namespace mp::dns {

// POST /api/dns/zones
const api::RequestBody &newZoneBody();
// PATCH /api/dns/zones/{name}/records: {"changes": [RecordChange...]}
const api::RequestBody &recordChangesBody();

} // namespace mp::dns
