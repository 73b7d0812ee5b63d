#include "proxmox/proxmox_blocking.h"

#include "provider_call/worker_thread_call.h"

namespace mp {

ProxmoxResult runProxmoxCall(const ProxmoxSettings &settings,
                             const std::function<ProxmoxCall *(ProxmoxClient &)> &call,
                             const std::function<bool()> &stopRequested, proxmox::ProxmoxError *details)
{
    return runOnWorkerThread<ProxmoxClient, ProxmoxCall>(
        QStringLiteral("proxmox"), QStringLiteral("Proxmox"), settings, call, stopRequested,
        QStringLiteral("proxmox_invalid_request"), [details](const ProxmoxCall &job) {
            if (details)
                *details = job.proxmoxError();
        });
}

} // namespace mp
