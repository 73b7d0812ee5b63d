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
    qint64 vmid = 0; // 0: none reserved yet
    QString guestKind;
    QString status;
    QString ipAddress;
    QString lastError;
    bool suspendRequested = false;
    bool terminateRequested = false;
    QDateTime createdAt, updatedAt, provisionedAt, terminatedAt;

    // The Proxmox tag that marks the guest as this pod's: how retries and restarts find it.
    QString tag() const { return podTag(id); }
    static QString podTag(const QString &podId) { return QStringLiteral("mpanel-pod-") + podId; }
};

namespace kinds {
inline const QString provision = QStringLiteral("cloudpod.provision");
inline const QString power = QStringLiteral("cloudpod.power");
inline const QString terminate = QStringLiteral("cloudpod.terminate");
inline const QString reconcile = QStringLiteral("cloudpod.reconcile");
} // namespace kinds

inline const QString kRelatedType = QStringLiteral("cloud_pod");
inline const QString kManagedTag = QStringLiteral("mpanel");

} // namespace mp::cloudpods
