#pragma once

#include "core/result.h"
#include "proxmox/proxmox_blocking.h"
#include "proxmox/proxmox_guest.h"
#include "proxmox/proxmox_resources.h"

#include <functional>
#include <optional>

namespace mp::cloudpods {

// The Proxmox calls the pod jobs make, blocking on the worker thread. Each failure is an Error
// whose message says which step failed, on which node, and what Proxmox said.
class GuestOperations {
public:
    GuestOperations(ProxmoxSettings settings, std::function<bool()> stopRequested)
        : m_settings(std::move(settings)), m_stop(std::move(stopRequested))
    {
    }

    const ProxmoxSettings &settings() const { return m_settings; }

    // Every guest of the cluster (qemu and lxc).
    Result<QList<proxmox::GuestResource>> guests();
    // The guest tagged with `tag`, else the one holding `vmid`, else nothing. A guest on `vmid`
    // without the tag is ours only when it carries `name` (a clone whose tags were not set yet);
    // otherwise `foreign` is set: somebody else's guest sits on the VMID.
    Result<std::optional<proxmox::GuestResource>> findPodGuest(const QString &tag, qint64 vmid,
                                                               const QString &name, bool *foreign);
    Result<qint64> nextVmid();
    // Runs a mutation and waits for its task.
    Status runTask(const QString &step, const QString &node,
                   const std::function<ProxmoxCall *(ProxmoxClient &)> &call,
                   proxmox::ProxmoxError *details = nullptr);
    // Runs a call that answers at once (no task).
    Status run(const QString &step, const QString &node,
               const std::function<ProxmoxCall *(ProxmoxClient &)> &call);
    Result<proxmox::GuestStatus> status(proxmox::GuestType type, const QString &node, qint64 vmid);
    // Waits while a task holds the guest (a create still running after a lost answer).
    Status waitUnlocked(proxmox::GuestType type, const QString &node, qint64 vmid);
    // The guest's first IPv4 address as it reports it, empty while it has none yet.
    Result<QString> address(proxmox::GuestType type, const QString &node, qint64 vmid);

    static Error stepError(const QString &step, const QString &node, const Error &error);
    static bool aborted(const Error &error);

private:
    ProxmoxResult call(const std::function<ProxmoxCall *(ProxmoxClient &)> &call,
                       proxmox::ProxmoxError *details = nullptr);
    ProxmoxSettings m_settings;
    std::function<bool()> m_stop;
};

} // namespace mp::cloudpods
