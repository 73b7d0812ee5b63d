#pragma once

#include "powerdns/powerdns_client.h"

#include <functional>

namespace mp {

// For job-engine workers (plain threads whose handlers return a Status): makes one PowerDNS call
// on a client built on the calling thread and waits for it, as runProxmoxCall does. Refused
// (powerdns_blocking_not_allowed) on the main thread and inside an event loop; `stopRequested`
// aborts the call.
PowerDnsResult runPowerDnsCall(const PowerDnsSettings &settings,
                               const std::function<PowerDnsCall *(PowerDnsClient &)> &call,
                               const std::function<bool()> &stopRequested = {});

} // namespace mp
