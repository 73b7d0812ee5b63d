#pragma once

#include "catalog/cloudpod_template.h"
#include "cloudpods/cloud_pod.h"
#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <functional>

namespace mp {
class JobContext;
class TenantTransaction;
} // namespace mp

namespace mp::cloudpods {

// Where a pod's guest goes: node, its storage, and the address it gets.
struct Placement {
    QString clusterId, nodeId, nodeName, storage;
};

struct AddressLease {
    QString address; // 10.0.0.5
    int prefixLength = 24;
    QString gateway;
    QString dnsServers; // space separated
};

// What the pod's jobs record as they go. A job's own transaction rolls back when an attempt
// fails, but the pod's progress (its node, its VMID, its address, its error) must outlive the
// attempt: a retry or a restarted worker continues from it. So these writes go over a second
// connection of the worker's thread, each in its own tenant-scoped transaction, committed at
// once.
class PodProgress {
public:
    static Result<PodProgress> open(JobContext &ctx, const QString &podId);
    PodProgress(PodProgress &&other) noexcept;
    PodProgress &operator=(PodProgress &&) = delete;
    ~PodProgress(); // releases the pod lock

    // One job at a time per pod (provision, power, terminate): a session advisory lock, which a
    // dying worker's connection drops by itself.
    Result<bool> tryLock();

    Result<CloudPod> pod();
    Result<catalog::CloudPodTemplate> podTemplate(const QString &templateId);
    Result<QSqlDatabase> database() { return m_db; }

    // Runs `work` in a committed tenant transaction on the side connection.
    Status inTransaction(const std::function<Status(TenantTransaction &)> &work);

    Status setStatus(const QString &status, const QString &lastError, const QDateTime &now);
    // Picks a node under the template's placement rule with room for it and commits the
    // allocation; an already placed pod keeps its node.
    Result<Placement> place(const catalog::CloudPodTemplate &t, const QDateTime &now);
    // Reserves `candidate` (or the next free one above it, among mPanel's reservations) for the
    // pod on its cluster; a pod with a reservation keeps it.
    Result<qint64> reserveVmid(const QString &clusterId, qint64 candidate, const QDateTime &now);
    // Moves the reservation to `vmid` (an adopted guest's), or drops it (vmid 0).
    Status replaceVmid(const QString &clusterId, qint64 vmid, const QDateTime &now);
    // The lowest free address of the node's pools, then the cluster's; the pod keeps one it has.
    Result<AddressLease> allocateAddress(const Placement &placement, const QDateTime &now);
    // The generated password waiting to be handed to Proxmox for `purpose` ("create", "reset"),
    // empty when none; and its removal once Proxmox has it (committed at once).
    Result<QString> pendingPassword(const QString &purpose);
    Status dropPendingPassword(const QString &purpose);

    Status markActive(const QString &address, const QDateTime &now);
    // Terminated: node allocation, VMID and address released in the same transaction.
    Status markTerminated(const QDateTime &now);

private:
    PodProgress(QSqlDatabase db, QString name, QString tenantId, QString podId)
        : m_db(std::move(db)), m_name(std::move(name)), m_tenantId(std::move(tenantId)),
          m_podId(std::move(podId))
    {
    }
    QSqlDatabase m_db;
    QString m_name; // the connection's name; empty once moved from
    QString m_tenantId;
    QString m_podId;
    bool m_locked = false;
};

} // namespace mp::cloudpods
