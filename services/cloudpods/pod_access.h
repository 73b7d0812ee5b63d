#pragma once

#include "cloudpods/cloud_pod.h"
#include "core/result.h"
#include "tenancy/staff_role.h"

#include <QDateTime>

namespace mp {
class TenantTransaction;
}

namespace mp::cloudpods {

// What a customer (for their own pod) or staff ask to get into a pod again. Each records the wish
// in the caller's transaction and queues the job that does it; a generated password is returned
// here, to be shown once, and waits in cloudpod_pending_passwords only until the job has handed
// it to Proxmox.
class PodAccess {
public:
    // Staff who may hand out a way into a customer's pod: those who look after customers'
    // servers (owner, admin, support); billing and read-only staff may not.
    static bool staffMayGrantAccess(StaffRole role);

    // A new password for the login user of a running VM, set through the QEMU guest agent
    // (agent/set-user-password). A container is refused: Proxmox has no API call that sets a
    // container's password (only `pct exec` on the node); reinstall it, or use passwd inside.
    static Result<QString> requestPasswordReset(TenantTransaction &tx, const CloudPod &pod,
                                                const QDateTime &now);
    // The guest destroyed and built again from its template with the same name, VMID and
    // address, and the same SSH keys. With `newPassword` (or when the pod has no key) a new root
    // password is generated and returned; otherwise the answer is empty.
    static Result<QString> requestReinstall(TenantTransaction &tx, const CloudPod &pod, bool newPassword,
                                            const QDateTime &now);

private:
    static Status storePassword(TenantTransaction &tx, const QString &podId, const QString &purpose,
                                const QString &password, const QDateTime &now);
};

} // namespace mp::cloudpods
