#include "proxmox/proxmox_blocking.h"

#include "provider_call/worker_thread_call.h"
#include "proxmox/proxmox_errors.h"

namespace mp {

ProxmoxResult runProxmoxCall(const ProxmoxSettings &settings,
                             const std::function<ProxmoxCall *(ProxmoxClient &)> &call,
                             const std::function<bool()> &stopRequested, proxmox::ProxmoxError *details)
{
    return runOnWorkerThread<ProxmoxClient, ProxmoxCall>(
        errors::ProxmoxBlockingNotAllowed, QStringLiteral("Proxmox"), settings, call, stopRequested,
        errors::ProxmoxInvalidRequest, [details](const ProxmoxCall &job) {
            if (details)
                *details = job.proxmoxError();
        });
}

} // namespace mp
