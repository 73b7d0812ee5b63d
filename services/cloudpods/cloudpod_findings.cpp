#include "cloudpods/cloudpod_findings.h"

#include "api/responses.h"
#include "cloudpods/cloud_pod.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/jobs.h"

#include <QSqlQuery>

namespace mp::cloudpods {

namespace {

// The id orders by detection and is the key: one index (tenant_id, id DESC) serves every page.
const QString kFindings = QStringLiteral(
    "SELECT f.id, f.cluster_id, c.name, f.kind, f.pod_id, p.hostname, f.node, f.vmid, f.detail, "
    "f.first_seen_at, f.last_seen_at, f.resolved_at "
    "FROM cloudpod_findings f JOIN proxmox_clusters c ON c.id = f.cluster_id "
    "LEFT JOIN cloud_pods p ON p.id = f.pod_id "
    "WHERE (? OR f.resolved_at IS NULL) AND (?::bigint = 0 OR f.id < ?::bigint) "
    "ORDER BY f.id DESC LIMIT ?");

QString textOf(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : v.toDateTime().toUTC();
}

} // namespace

Result<FindingPage> CloudPodFindings::list(TenantTransaction &tx, const FindingFilter &filter)
{
    const int limit = qBound(1, filter.limit, 500);
    const qint64 before = qMax<qint64>(0, filter.beforeId);
    auto q = sql::exec(tx.db(), kFindings, {filter.includeResolved, before, before, limit + 1});
    if (!q)
        return q.error();
    FindingPage page;
    while (q->next()) {
        if (page.items.size() == limit) {
            page.nextBeforeId = page.items.last().id;
            break;
        }
        Finding f;
        f.id = q->value(0).toLongLong();
        f.clusterId = q->value(1).toString();
        f.clusterName = q->value(2).toString();
        f.kind = q->value(3).toString();
        f.podId = textOf(q->value(4));
        f.podHostname = textOf(q->value(5));
        f.node = textOf(q->value(6));
        f.vmid = q->value(7).isNull() ? 0 : q->value(7).toLongLong();
        f.detail = q->value(8).toString();
        f.firstSeenAt = timeOf(q->value(9));
        f.lastSeenAt = timeOf(q->value(10));
        f.resolvedAt = timeOf(q->value(11));
        page.items.append(f);
    }
    return page;
}

Result<EnqueuedJob> CloudPodFindings::requestCheck(TenantTransaction &tx)
{
    JobSpec spec;
    spec.tenantId = tx.tenantId();
    spec.kind = kinds::reconcile;
    spec.uniqueKey = kinds::reconcile + QStringLiteral(":now");
    spec.rerunIfRunning = true;
    spec.maxAttempts = 1; // like the scheduled run: an unreachable cluster is reported, not retried
    return Jobs::enqueue(tx.db(), spec);
}

Result<QDateTime> CloudPodFindings::lastCheck(TenantTransaction &tx)
{
    auto q = sql::exec(
        tx.db(), QStringLiteral("SELECT max(finished_at) FROM jobs WHERE kind = ? AND status = 'completed'"),
        {kinds::reconcile});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return QDateTime();
    return q->value(0).toDateTime();
}

QJsonObject CloudPodFindings::toJson(const Finding &f)
{
    const auto text = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("cluster_id"), f.clusterId},
            {QStringLiteral("cluster"), f.clusterName},
            {QStringLiteral("kind"), f.kind},
            {QStringLiteral("pod_id"), text(f.podId)},
            {QStringLiteral("node"), text(f.node)},
            {QStringLiteral("vmid"), f.vmid > 0 ? QJsonValue(f.vmid) : QJsonValue()},
            {QStringLiteral("detail"), f.detail},
            {QStringLiteral("first_seen_at"), api::timestamp(f.firstSeenAt)},
            {QStringLiteral("last_seen_at"), api::timestamp(f.lastSeenAt)},
            {QStringLiteral("resolved_at"), f.isOpen() ? QJsonValue() : api::timestamp(f.resolvedAt)}};
}

} // namespace mp::cloudpods
