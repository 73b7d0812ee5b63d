// cloudpod.reconcile: compares every cluster's guests with the tenant's pods and reports what
// does not match as findings for staff: guests tagged by mPanel that no live pod owns, and live
// pods whose guest is gone. It never deletes or changes a guest.
#include "cloudpods/cloud_pod.h"
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/guest_operations.h"
#include "cloudpods/pod_job_handlers.h"
#include "cloudpods/proxmox_clusters.h"
#include "db/sql.h"
#include "jobs/job_context.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace mp::cloudpods {

namespace {

const QString kLivePods = QStringLiteral("SELECT id, vmid, hostname, status FROM cloud_pods WHERE cluster_id "
                                         "= ?::uuid AND status <> 'terminated'");

const QString kUpsertFinding = QStringLiteral(
    "INSERT INTO cloudpod_findings (tenant_id, cluster_id, kind, pod_id, node, vmid, detail, first_seen_at, "
    "last_seen_at) VALUES (?::uuid, ?::uuid, ?, ?::uuid, ?, ?, ?, ?::timestamptz, ?::timestamptz) "
    "ON CONFLICT (cluster_id, kind, coalesce(vmid, 0), "
    "coalesce(pod_id, '00000000-0000-0000-0000-000000000000')) WHERE resolved_at IS NULL "
    "DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, detail = EXCLUDED.detail, node = EXCLUDED.node");

// Findings this run did not see again are resolved (the guest was removed, the pod terminated).
const QString kResolveStale =
    QStringLiteral("UPDATE cloudpod_findings SET resolved_at = ?::timestamptz "
                   "WHERE cluster_id = ?::uuid AND resolved_at IS NULL AND last_seen_at < ?::timestamptz");

QString podIdFromTags(const QStringList &tags)
{
    const QString prefix = CloudPod::podTag({});
    for (const QString &t : tags) {
        if (t.startsWith(prefix, Qt::CaseInsensitive))
            return t.mid(prefix.size()).toLower();
    }
    return {};
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace

Status reconcilePods(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    auto clusters = ProxmoxClusters::enabledIds(*db);
    if (!clusters)
        return clusters.error();
    const QDateTime now = ctx.now().toUTC();
    int findings = 0;
    QStringList failures;
    for (const QString &clusterId : std::as_const(*clusters)) {
        auto settings = ProxmoxClusters::settings(*db, clusterId);
        if (!settings)
            return settings.error();
        GuestOperations ops(*settings, [&ctx] { return ctx.stopRequested(); });
        auto guests = ops.guests();
        if (!guests) {
            if (GuestOperations::aborted(guests.error()))
                return JobContext::interrupted();
            failures << guests.error().message; // one unreachable cluster does not hide the others
            continue;
        }
        struct Pod {
            qint64 vmid;
            QString hostname, status;
        };
        QHash<QString, Pod> pods;
        auto q = sql::exec(*db, kLivePods, {clusterId});
        if (!q)
            return q.error();
        while (q->next())
            pods.insert(q->value(0).toString(),
                        {q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString()});
        q = Result<QSqlQuery>(QSqlQuery());

        const auto record = [&](const QString &kind, const QString &podId, const QString &node, qint64 vmid,
                                const QString &detail) -> Status {
            auto r = sql::exec(
                *db, kUpsertFinding,
                {ctx.tenantId(), clusterId, kind, podId.isEmpty() ? nullText() : QVariant(podId),
                 node.isEmpty() ? nullText() : QVariant(node),
                 vmid > 0 ? QVariant(vmid) : QVariant(QMetaType::fromType<qint64>()), detail, now, now});
            if (!r)
                return r.error();
            ++findings;
            return {};
        };

        QSet<QString> podsWithGuest;
        for (const proxmox::GuestResource &g : std::as_const(*guests)) {
            const QString owner = podIdFromTags(g.tags);
            if (owner.isEmpty()) {
                if (g.hasTag(kManagedTag)) {
                    if (auto s = record(
                            QStringLiteral("orphan_guest"), {}, g.node, g.vmid,
                            QStringLiteral("%1 %2 '%3' on node '%4' is tagged by mPanel but names no pod")
                                .arg(g.type)
                                .arg(g.vmid)
                                .arg(g.name, g.node));
                        !s)
                        return s;
                }
                continue;
            }
            if (pods.contains(owner)) {
                podsWithGuest.insert(owner);
                continue;
            }
            if (auto s =
                    record(QStringLiteral("orphan_guest"), {}, g.node, g.vmid,
                           QStringLiteral("%1 %2 '%3' on node '%4' is tagged for pod %5, which is terminated "
                                          "or does not exist")
                               .arg(g.type)
                               .arg(g.vmid)
                               .arg(g.name, g.node, owner));
                !s)
                return s;
        }
        for (auto it = pods.cbegin(); it != pods.cend(); ++it) {
            const bool expectsGuest =
                it->status == QLatin1String("active") || it->status == QLatin1String("suspended");
            if (!expectsGuest || podsWithGuest.contains(it.key()))
                continue;
            if (auto s = record(QStringLiteral("guest_missing"), it.key(), {}, it->vmid,
                                QStringLiteral("pod %1 is %2 but its guest (VMID %3) is gone")
                                    .arg(it->hostname, it->status)
                                    .arg(it->vmid));
                !s)
                return s;
        }
        if (auto r = sql::exec(*db, kResolveStale, {now, clusterId, now}); !r)
            return r.error();
    }
    ctx.log(QStringLiteral("%1 cluster(s) compared, %2 finding(s)").arg(clusters->size()).arg(findings));
    if (!failures.isEmpty())
        return makeError(errors::CloudpodReconcile, failures.join(QStringLiteral("; ")));
    return {};
}

} // namespace mp::cloudpods
