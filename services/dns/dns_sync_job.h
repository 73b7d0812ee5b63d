#pragma once

#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::dns {

// dns.sync_zone: brings the zone on its PowerDNS server to what mPanel holds. Creates the zone
// when it is not there yet (SOA from the tenant's settings), sends every dirty record set in ONE
// PATCH (REPLACE, or DELETE for a removed set), reads the new serial, and clears the dirty marks
// and pending changes in the transaction that completes the job. A run that finds nothing dirty
// sends nothing, so a retried or repeated job never applies a change twice. A zone being deleted
// is deleted on the server (already gone is fine) and then here.
Status syncZone(JobContext &ctx);

} // namespace mp::dns
