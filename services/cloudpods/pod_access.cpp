#include "cloudpods/pod_access.h"
#include "cloudpods/provisioning_scripts.h"

#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/root_passwords.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

namespace mp::cloudpods {

namespace {

// Staff logins may write a pending password but not read one, so the old one goes by its key.
const QString kDropPending =
    QStringLiteral("DELETE FROM cloudpod_pending_passwords WHERE pod_id = ?::uuid AND purpose = ?");
const QString kAddPending = QStringLiteral(
    "INSERT INTO cloudpod_pending_passwords (tenant_id, pod_id, purpose, password, created_at) "
    "VALUES (?::uuid, ?::uuid, ?, ?, ?::timestamptz)");
const QString kAskReinstall = QStringLiteral(
    "UPDATE cloud_pods SET reinstall_requested_at = ?::timestamptz, updated_at = ?::timestamptz "
    "WHERE id = ?::uuid AND status IN ('active', 'suspended', 'error') AND terminate_requested_at IS NULL "
    "RETURNING id");

Status mustBeLive(const CloudPod &pod)
{
    if (pod.status == QLatin1String("terminated") || pod.terminateRequested)
        return makeError(errors::InvalidTransition,
                         QStringLiteral("the pod is terminated or being terminated"),
                         QStringLiteral("status"));
    return {};
}

} // namespace

bool PodAccess::staffMayGrantAccess(StaffRole role)
{
    return role == StaffRole::Owner || role == StaffRole::Admin || role == StaffRole::Support;
}

Status PodAccess::storePassword(TenantTransaction &tx, const QString &podId, const QString &purpose,
                                const QString &password, const QDateTime &now)
{
    if (auto d = sql::exec(tx.db(), kDropPending, {podId, purpose}); !d)
        return d.error();
    if (auto a = sql::exec(tx.db(), kAddPending, {tx.tenantId(), podId, purpose, password, now.toUTC()}); !a)
        return a.error();
    return {};
}

Result<QString> PodAccess::requestPasswordReset(TenantTransaction &tx, const CloudPod &pod,
                                                const QDateTime &now)
{
    if (auto s = mustBeLive(pod); !s)
        return s.error();
    if (pod.guestKind != QLatin1String("qemu"))
        return makeError(
            errors::CloudpodResetUnsupported,
            QStringLiteral("a container's password cannot be reset from outside: Proxmox has no API "
                           "call for it. Reinstall the pod with a new password, or run passwd in it"),
            QStringLiteral("guest_kind"));
    if (pod.status != QLatin1String("active"))
        return makeError(
            errors::InvalidTransition,
            QStringLiteral("the password is set through the guest agent of a running VM; this pod is %1")
                .arg(pod.status),
            QStringLiteral("status"));
    const QString password = RootPasswords::generate();
    if (auto s = storePassword(tx, pod.id, QStringLiteral("reset"), password, now); !s)
        return s.error();
    auto job = CloudPods::enqueueFor(tx, kinds::resetPassword, pod.id, 5);
    if (!job)
        return job.error();
    return password;
}

Result<QString> PodAccess::requestReinstall(TenantTransaction &tx, const CloudPod &pod, bool newPassword,
                                            const QDateTime &now)
{
    if (auto s = mustBeLive(pod); !s)
        return s.error();
    auto q = sql::exec(tx.db(), kAskReinstall, {now.toUTC(), now.toUTC(), pod.id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(
            errors::InvalidTransition,
            QStringLiteral("a pod is reinstalled once it was built; this one is %1").arg(pod.status),
            QStringLiteral("status"));
    QString password;
    if (newPassword || pod.sshPublicKeys.trimmed().isEmpty()) {
        password = RootPasswords::generate();
        if (auto s = storePassword(tx, pod.id, QStringLiteral("create"), password, now); !s)
            return s.error();
    }
    // A new guest: its post-install script runs again, and it has a new host key.
    if (auto s = ProvisioningScripts::rearmForReinstall(tx, pod.id); !s)
        return s.error();
    auto job = CloudPods::enqueueFor(tx, kinds::reinstall, pod.id, 8);
    if (!job)
        return job.error();
    return password;
}

} // namespace mp::cloudpods
