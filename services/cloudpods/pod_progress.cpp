#include "cloudpods/pod_progress.h"

#include "catalog/cloudpod_templates.h"
#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "module/domain_events.h"
#include "module/service_events.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QThread>

namespace mp::cloudpods {

namespace {

const QString kLock =
    QStringLiteral("SELECT pg_try_advisory_lock(hashtextextended('mpanel-cloudpod:' || ?, 0))");
const QString kUnlock =
    QStringLiteral("SELECT pg_advisory_unlock(hashtextextended('mpanel-cloudpod:' || ?, 0))");

const QString kSetStatus = QStringLiteral(
    "UPDATE cloud_pods SET status = ?, last_error = ?, updated_at = ?::timestamptz WHERE id = ?::uuid "
    "AND status <> 'terminated'");

// Placement of one tenant's pods is serialized, so two pods never take the last room on a node.
const QString kPlacementLock =
    QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('mpanel-placement:' || ?, 0))");

const QString kCurrentPlacement = QStringLiteral("SELECT p.cluster_id, p.node_id, n.name, n.storage FROM "
                                                 "cloud_pods p JOIN proxmox_nodes n ON n.id = p.node_id "
                                                 "WHERE p.id = ?::uuid");

// Nodes under the rule with room for the template, the one with the most free memory first.
const QString kPickNode = QStringLiteral(
    "SELECT n.id, n.cluster_id, n.name, n.storage FROM proxmox_nodes n "
    "JOIN proxmox_clusters c ON c.id = n.cluster_id AND c.enabled "
    "LEFT JOIN LATERAL (SELECT coalesce(sum(cpu_cores), 0) AS cpu, coalesce(sum(ram_mb), 0) AS ram, "
    "  coalesce(sum(disk_gb), 0) AS disk FROM node_allocations a WHERE a.node_id = n.id) u ON true "
    "WHERE n.enabled AND CASE ? WHEN 'node' THEN n.name = ? ELSE n.placement_group = ? END "
    "AND n.cpu_cores - u.cpu >= ? AND n.ram_mb - u.ram >= ? AND n.disk_gb - u.disk >= ? "
    "ORDER BY n.ram_mb - u.ram DESC, n.id LIMIT 1");

const QString kAllocate = QStringLiteral(
    "WITH a AS (INSERT INTO node_allocations (tenant_id, node_id, pod_id, cpu_cores, ram_mb, disk_gb, "
    "allocated_at) "
    "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?::timestamptz) ON CONFLICT (pod_id) DO NOTHING) "
    "UPDATE cloud_pods SET cluster_id = ?::uuid, node_id = ?::uuid, updated_at = ?::timestamptz WHERE id = "
    "?::uuid");

const QString kCurrentVmid = QStringLiteral(
    "SELECT vmid FROM proxmox_vmid_reservations WHERE pod_id = ?::uuid AND cluster_id = ?::uuid");
const QString kReserveVmid = QStringLiteral(
    "INSERT INTO proxmox_vmid_reservations (tenant_id, cluster_id, vmid, pod_id, reserved_at) "
    "VALUES (?::uuid, ?::uuid, ?, ?::uuid, ?::timestamptz) ON CONFLICT DO NOTHING RETURNING vmid");
const QString kSetPodVmid =
    QStringLiteral("UPDATE cloud_pods SET vmid = ?, updated_at = ?::timestamptz WHERE id = ?::uuid");
// The pod as ServiceEvents announces it: name, owner, address and its pool's prefix.
const QString kOnline = QStringLiteral(
    "SELECT p.hostname, p.customer_id, p.subscription_id, host(p.ip_address), pl.prefix_length "
    "FROM cloud_pods p LEFT JOIN ip_addresses a ON a.pod_id = p.id LEFT JOIN ip_pools pl ON pl.id = "
    "a.pool_id "
    "WHERE p.id = ?::uuid");
const QString kDropVmid = QStringLiteral("DELETE FROM proxmox_vmid_reservations WHERE pod_id = ?::uuid");

const QString kPickAddress = QStringLiteral(
    "WITH pick AS (SELECT a.pool_id, a.address FROM ip_addresses a JOIN ip_pools p ON p.id = a.pool_id "
    "  WHERE a.pod_id IS NULL AND p.cluster_id = ?::uuid AND (p.node_id IS NULL OR p.node_id = ?::uuid) "
    "  AND NOT EXISTS (SELECT 1 FROM ip_addresses mine WHERE mine.pod_id = ?::uuid) "
    "  ORDER BY (p.node_id IS NULL), a.address LIMIT 1 FOR UPDATE OF a SKIP LOCKED) "
    "UPDATE ip_addresses a SET pod_id = ?::uuid, allocated_at = ?::timestamptz FROM pick "
    "WHERE a.pool_id = pick.pool_id AND a.address = pick.address");
const QString kPodAddress = QStringLiteral(
    "SELECT host(a.address), p.prefix_length, host(p.gateway), p.dns_servers FROM ip_addresses a "
    "JOIN ip_pools p ON p.id = a.pool_id WHERE a.pod_id = ?::uuid");

const QString kActive =
    QStringLiteral("UPDATE cloud_pods SET status = 'active', ip_address = ?::inet, last_error = NULL, "
                   "provisioned_at = coalesce(provisioned_at, ?::timestamptz), updated_at = ?::timestamptz "
                   "WHERE id = ?::uuid RETURNING customer_id::text, hostname, guest_kind, host(ip_address)");

const QString kReleaseAllocation = QStringLiteral("DELETE FROM node_allocations WHERE pod_id = ?::uuid");
const QString kReleaseAddress =
    QStringLiteral("UPDATE ip_addresses SET pod_id = NULL, allocated_at = NULL WHERE pod_id = ?::uuid");
const QString kDropPasswords =
    QStringLiteral("DELETE FROM cloudpod_pending_passwords WHERE pod_id = ?::uuid");
const QString kTerminated = QStringLiteral(
    "UPDATE cloud_pods SET status = 'terminated', last_error = NULL, terminated_at = ?::timestamptz, "
    "updated_at = ?::timestamptz WHERE id = ?::uuid");

} // namespace

Result<PodProgress> PodProgress::open(JobContext &ctx, const QString &podId)
{
    auto jobDb = ctx.db();
    if (!jobDb)
        return jobDb.error();
    // One connection per job run: thread ids are reused after a thread ends, so a per-thread name
    // could find a connection that belonged to a finished worker.
    const QString name = QStringLiteral("mpanel-cloudpods-job-%1-%2")
                             .arg(ctx.jobId())
                             .arg(quintptr(QThread::currentThreadId()));
    QSqlDatabase side = QSqlDatabase::cloneDatabase(jobDb.value(), name);
    if (!side.open()) {
        const Error error =
            sql::fromSqlError(side.lastError(), QStringLiteral("opening the pod progress connection"));
        side = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return error;
    }
    return PodProgress(side, name, ctx.tenantId(), podId);
}

PodProgress::PodProgress(PodProgress &&other) noexcept
    : m_db(other.m_db), m_name(other.m_name), m_tenantId(other.m_tenantId), m_podId(other.m_podId),
      m_locked(other.m_locked)
{
    other.m_locked = false;
    other.m_db = QSqlDatabase();
    other.m_name.clear();
}

PodProgress::~PodProgress()
{
    if (m_locked)
        (void)sql::exec(m_db, kUnlock, {m_podId});
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<bool> PodProgress::tryLock()
{
    if (m_locked)
        return true;
    auto q = sql::exec(m_db, kLock, {m_podId});
    if (!q)
        return q.error();
    m_locked = q->next() && q->value(0).toBool();
    return m_locked;
}

Status PodProgress::inTransaction(const std::function<Status(TenantTransaction &)> &work)
{
    auto tx = TenantTransaction::begin(m_db, m_tenantId);
    if (!tx)
        return tx.error();
    if (auto s = work(tx.value()); !s)
        return s;
    return tx->commit();
}

Result<CloudPod> PodProgress::pod()
{
    CloudPod out;
    auto s = inTransaction([&](TenantTransaction &tx) -> Status {
        auto p = CloudPods::find(tx.db(), m_podId);
        if (!p)
            return p.error();
        out = *p;
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Result<catalog::CloudPodTemplate> PodProgress::podTemplate(const QString &templateId)
{
    catalog::CloudPodTemplate out;
    auto s = inTransaction([&](TenantTransaction &tx) -> Status {
        auto t = catalog::CloudPodTemplates::find(tx, templateId);
        if (!t)
            return t.error();
        out = *t;
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Status PodProgress::setStatus(const QString &status, const QString &lastError, const QDateTime &now)
{
    return inTransaction([&](TenantTransaction &tx) -> Status {
        auto q = sql::exec(
            tx.db(), kSetStatus,
            {status,
             lastError.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(lastError.left(2000)),
             now.toUTC(), m_podId});
        if (!q)
            return q.error();
        return {};
    });
}

Result<Placement> PodProgress::place(const catalog::CloudPodTemplate &t, const QDateTime &now)
{
    Placement out;
    auto s = inTransaction([&](TenantTransaction &tx) -> Status {
        auto current = sql::exec(tx.db(), kCurrentPlacement, {m_podId});
        if (!current)
            return current.error();
        if (current->next()) {
            out = {current->value(0).toString(), current->value(1).toString(), current->value(2).toString(),
                   current->value(3).toString()};
            return {};
        }
        if (auto l = sql::exec(tx.db(), kPlacementLock, {m_tenantId}); !l)
            return l.error();
        auto pick =
            sql::exec(tx.db(), kPickNode,
                      {t.placementKind, t.placementTarget, t.placementTarget, t.cpuCores, t.ramMb, t.diskGb});
        if (!pick)
            return pick.error();
        if (!pick->next())
            return makeError(
                errors::CloudpodNoCapacity,
                QStringLiteral("no enabled node under placement %1 '%2' has room for %3 cores, %4 MB RAM "
                               "and %5 GB disk")
                    .arg(t.placementKind, t.placementTarget)
                    .arg(t.cpuCores)
                    .arg(t.ramMb)
                    .arg(t.diskGb));
        out = {pick->value(1).toString(), pick->value(0).toString(), pick->value(2).toString(),
               pick->value(3).toString()};
        auto a = sql::exec(tx.db(), kAllocate,
                           {m_tenantId, out.nodeId, m_podId, t.cpuCores, t.ramMb, t.diskGb, now.toUTC(),
                            out.clusterId, out.nodeId, now.toUTC(), m_podId});
        if (!a)
            return a.error();
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> PodProgress::reserveVmid(const QString &clusterId, qint64 candidate, const QDateTime &now)
{
    qint64 out = 0;
    auto s = inTransaction([&](TenantTransaction &tx) -> Status {
        auto current = sql::exec(tx.db(), kCurrentVmid, {m_podId, clusterId});
        if (!current)
            return current.error();
        if (current->next()) {
            out = current->value(0).toLongLong();
            return {};
        }
        // Another pod may hold the candidate while its create is under way: take the next.
        for (qint64 vmid = candidate; vmid < candidate + 100; ++vmid) {
            auto q = sql::exec(tx.db(), kReserveVmid, {m_tenantId, clusterId, vmid, m_podId, now.toUTC()});
            if (!q)
                return q.error();
            if (q->next()) {
                out = vmid;
                auto u = sql::exec(tx.db(), kSetPodVmid, {vmid, now.toUTC(), m_podId});
                if (!u)
                    return u.error();
                return {};
            }
        }
        return makeError(errors::CloudpodVmid,
                         QStringLiteral("no free VMID from %1 among mPanel's reservations").arg(candidate));
    });
    if (!s)
        return s.error();
    return out;
}

Status PodProgress::replaceVmid(const QString &clusterId, qint64 vmid, const QDateTime &now)
{
    return inTransaction([&](TenantTransaction &tx) -> Status {
        if (auto d = sql::exec(tx.db(), kDropVmid, {m_podId}); !d)
            return d.error();
        if (vmid > 0) {
            auto q = sql::exec(tx.db(), kReserveVmid, {m_tenantId, clusterId, vmid, m_podId, now.toUTC()});
            if (!q)
                return q.error();
            if (!q->next())
                return makeError(errors::CloudpodVmid,
                                 QStringLiteral("VMID %1 is reserved by another pod").arg(vmid));
        }
        auto u = sql::exec(
            tx.db(), kSetPodVmid,
            {vmid > 0 ? QVariant(vmid) : QVariant(QMetaType::fromType<qint64>()), now.toUTC(), m_podId});
        if (!u)
            return u.error();
        return {};
    });
}

Result<AddressLease> PodProgress::allocateAddress(const Placement &placement, const QDateTime &now)
{
    AddressLease out;
    auto s = inTransaction([&](TenantTransaction &tx) -> Status {
        auto pick = sql::exec(tx.db(), kPickAddress,
                              {placement.clusterId, placement.nodeId, m_podId, m_podId, now.toUTC()});
        if (!pick)
            return pick.error();
        auto q = sql::exec(tx.db(), kPodAddress, {m_podId});
        if (!q)
            return q.error();
        if (!q->next())
            return makeError(errors::CloudpodNoAddress,
                             QStringLiteral("no IP pool of node '%1' or its cluster has a free address")
                                 .arg(placement.nodeName));
        out = {q->value(0).toString(), q->value(1).toInt(), q->value(2).toString(), q->value(3).toString()};
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Result<QString> PodProgress::pendingPassword(const QString &purpose)
{
    QString out;
    auto s = inTransaction([&](TenantTransaction &tx) -> Status {
        auto q = sql::exec(tx.db(),
                           QStringLiteral("SELECT password FROM cloudpod_pending_passwords "
                                          "WHERE pod_id = ?::uuid AND purpose = ?"),
                           {m_podId, purpose});
        if (!q)
            return q.error();
        if (q->next())
            out = q->value(0).toString();
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Status PodProgress::dropPendingPassword(const QString &purpose)
{
    return inTransaction([&](TenantTransaction &tx) -> Status {
        auto q = sql::exec(
            tx.db(),
            QStringLiteral("DELETE FROM cloudpod_pending_passwords WHERE pod_id = ?::uuid AND purpose = ?"),
            {m_podId, purpose});
        if (!q)
            return q.error();
        return {};
    });
}

Status PodProgress::markActive(const QString &address, const QDateTime &now)
{
    return inTransaction([&](TenantTransaction &tx) -> Status {
        auto q = sql::exec(tx.db(), kActive,
                           {address.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(address),
                            now.toUTC(), now.toUTC(), m_podId});
        if (!q)
            return q.error();
        if (!q->next())
            return {};
        // What the customer needs to get in; listeners (notifications) mail it, once per pod.
        const QString host = q->value(3).toString();
        QJsonObject data{{QStringLiteral("name"), q->value(1).toString()},
                         {QStringLiteral("address"), host},
                         {QStringLiteral("guest_kind"), q->value(2).toString()}};
        if (!host.isEmpty())
            data.insert(QStringLiteral("connect"), QJsonArray{QStringLiteral("ssh root@%1").arg(host)});
        if (auto ready = events::DomainEvents::announce(
                tx, {events::ServiceReady, q->value(0).toString(), m_podId, data}, now);
            !ready)
            return ready;
        // Other modules (DNS) build on the pod once it is up with its address.
        auto pod = sql::exec(tx.db(), kOnline, {m_podId});
        if (!pod)
            return pod.error();
        if (!pod->next() || pod->value(3).isNull())
            return {};
        provisioning::ServiceOnline online;
        online.serviceType = kRelatedType;
        online.serviceId = m_podId;
        online.hostname = pod->value(0).toString();
        online.customerId = pod->value(1).toString();
        online.subscriptionId = pod->value(2).toString();
        online.addresses = QStringList{pod->value(3).toString()};
        online.prefixLength = pod->value(4).toInt();
        return provisioning::ServiceEvents::online(tx, online, now);
    });
}

Status PodProgress::markTerminated(const QDateTime &now)
{
    return inTransaction([&](TenantTransaction &tx) -> Status {
        for (const QString *statement :
             {&kReleaseAllocation, &kReleaseAddress, &kDropVmid, &kDropPasswords}) {
            if (auto q = sql::exec(tx.db(), *statement, {m_podId}); !q)
                return q.error();
        }
        auto q = sql::exec(tx.db(), kTerminated, {now.toUTC(), now.toUTC(), m_podId});
        if (!q)
            return q.error();
        return provisioning::ServiceEvents::gone(tx, {kRelatedType, m_podId}, now);
    });
}

} // namespace mp::cloudpods
