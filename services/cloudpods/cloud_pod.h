#pragma once

#include <QDateTime>
#include <QString>

namespace mp::cloudpods {

// A customer's container or VM on a Proxmox cluster, as mPanel tracks it.
// pending -> provisioning -> active <-> suspended; any step may end in error (a retry goes back
// to provisioning); terminated is final.
struct CloudPod {
    QString id;
    QString customerId;
    QString customerName;
    QString subscriptionId; // empty: created by staff
    QString templateId;
    QString templateName;
    QString hostname;
    QString clusterId, clusterName;
    QString nodeId, nodeName;
    int unit = 1;    // which of its subscription's pods (1..quantity)
    qint64 vmid = 0; // 0: none reserved yet
    QString guestKind;
    QString status;
    QString ipAddress;
    QString lastError;
    QString sshPublicKeys; // OpenSSH public keys, one per line, the guest was created with
    QString loginUser;     // root on a container, the cloud-init user on a VM
    bool suspendRequested = false;
    bool terminateRequested = false;
    bool reinstallRequested = false;
    QDateTime createdAt, updatedAt, provisionedAt, terminatedAt;

    // How the customer connects, once the pod has an address: "ssh root@10.0.0.5".
    QString connectCommand() const
    {
        return ipAddress.isEmpty() ? QString() : QStringLiteral("ssh %1@%2").arg(loginUser, ipAddress);
    }

    // The Proxmox tag that marks the guest as this pod's: how retries and restarts find it.
    QString tag() const { return podTag(id); }
    static QString podTag(const QString &podId) { return QStringLiteral("mpanel-pod-") + podId; }
};

namespace kinds {
inline const QString provision = QStringLiteral("cloudpod.provision");
inline const QString power = QStringLiteral("cloudpod.power");
inline const QString terminate = QStringLiteral("cloudpod.terminate");
inline const QString reconcile = QStringLiteral("cloudpod.reconcile");
inline const QString resetPassword = QStringLiteral("cloudpod.reset_password");
inline const QString reinstall = QStringLiteral("cloudpod.reinstall");
inline const QString removeKey = QStringLiteral("cloudpod.remove_key");
} // namespace kinds

inline const QString kRelatedType = QStringLiteral("cloud_pod");
inline const QString kManagedTag = QStringLiteral("mpanel");

} // namespace mp::cloudpods
