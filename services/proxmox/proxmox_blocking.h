#pragma once

#include "proxmox/proxmox_client.h"

#include <functional>

namespace mp {

// For job-engine workers, plain threads whose handlers return a Status: makes one Proxmox
// call (a request, or a mutation and its task via runTask) and waits for it. It builds a
// ProxmoxClient on the calling thread and runs that thread's only event loop until the call
// finishes.
//
// Refused (proxmox_blocking_not_allowed) on the application's main thread and on any thread
// already inside an event loop: there it would be a nested event loop, which the house rules
// forbid; use ProxmoxClient's jobs there. `stopRequested`, polled every 100 ms, aborts the call
// (a job's cancel or the service's shutdown).
ProxmoxResult runProxmoxCall(const ProxmoxSettings &settings,
                             const std::function<ProxmoxCall *(ProxmoxClient &)> &call,
                             const std::function<bool()> &stopRequested = {},
                             proxmox::ProxmoxError *details = nullptr);

} // namespace mp
