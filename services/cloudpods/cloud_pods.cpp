#include "cloudpods/cloud_pods.h"

#include "api/responses.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/jobs.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace mp::cloudpods {

namespace {

const QString kPodColumns = QStringLiteral(
    "p.id, p.customer_id, p.subscription_id, p.template_id, t.name, p.hostname, p.cluster_id, c.name, "
    "p.node_id, "
    "n.name, p.vmid, p.guest_kind, p.status, host(p.ip_address), p.last_error, p.suspend_requested, "
    "p.terminate_requested_at IS NOT NULL, p.created_at, p.updated_at, p.provisioned_at, p.terminated_at, "
    "cu.name, p.unit, p.ssh_public_keys, p.login_user, p.reinstall_requested_at IS NOT NULL");
const QString kPodFrom = QStringLiteral(
    " FROM cloud_pods p JOIN cloudpod_templates t ON t.id = p.template_id "
    "LEFT JOIN proxmox_clusters c ON c.id = p.cluster_id LEFT JOIN proxmox_nodes n ON n.id = p.node_id "
    "LEFT JOIN customers cu ON cu.id = p.customer_id ");
constexpr int kPodColumnCount = 26;

CloudPod podFrom(const QSqlQuery &q)
{
    CloudPod p;
    p.id = q.value(0).toString();
    p.customerId = q.value(1).toString();
    p.subscriptionId = q.value(2).toString();
    p.templateId = q.value(3).toString();
    p.templateName = q.value(4).toString();
    p.hostname = q.value(5).toString();
    p.clusterId = q.value(6).toString();
    p.clusterName = q.value(7).toString();
    p.nodeId = q.value(8).toString();
    p.nodeName = q.value(9).toString();
    p.vmid = q.value(10).toLongLong();
    p.guestKind = q.value(11).toString();
    p.status = q.value(12).toString();
    p.ipAddress = q.value(13).toString();
    p.lastError = q.value(14).toString();
    p.suspendRequested = q.value(15).toBool();
    p.terminateRequested = q.value(16).toBool();
    p.createdAt = q.value(17).toDateTime();
    p.updatedAt = q.value(18).toDateTime();
    p.provisionedAt = q.value(19).toDateTime();
    p.terminatedAt = q.value(20).toDateTime();
    p.customerName = q.value(21).toString();
    p.unit = q.value(22).toInt();
    p.sshPublicKeys = q.value(23).toString();
    p.loginUser = q.value(24).toString();
    p.reinstallRequested = q.value(25).toBool();
    return p;
}

Error notFound()
{
    return makeError(errors::NotFound, QStringLiteral("no such CloudPod"), QStringLiteral("id"));
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// The pod row and its first provisioning job; the unique index on (subscription, unit) makes a
// second activation a no-op. A container logs in as root, a VM as the cloud-init user.
const QString kInsertPod = QStringLiteral(
    "INSERT INTO cloud_pods (id, tenant_id, customer_id, subscription_id, unit, template_id, hostname, "
    "guest_kind, ssh_public_keys, login_user, created_at, updated_at) "
    "SELECT ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, t.id, ?, t.guest_kind, ?, "
    "CASE WHEN t.guest_kind = 'qemu' THEN 'admin' ELSE 'root' END, ?::timestamptz, ?::timestamptz "
    "FROM cloudpod_templates t WHERE t.id = ?::uuid "
    "ON CONFLICT (tenant_id, subscription_id, unit) WHERE subscription_id IS NOT NULL DO NOTHING RETURNING "
    "id");

const QString kPodForSubscriptionUnit =
    QStringLiteral("SELECT id FROM cloud_pods WHERE subscription_id = ?::uuid AND unit = ?");
const QString kPodsOfSubscription =
    QStringLiteral("SELECT id FROM cloud_pods WHERE subscription_id = ?::uuid ORDER BY unit");

const QString kSetPower = QStringLiteral(
    "UPDATE cloud_pods SET suspend_requested = ?, updated_at = ?::timestamptz "
    "WHERE id = ?::uuid AND status <> 'terminated' AND terminate_requested_at IS NULL RETURNING id");

const QString kSetTerminate = QStringLiteral(
    "UPDATE cloud_pods SET terminate_requested_at = coalesce(terminate_requested_at, ?::timestamptz), "
    "updated_at = ?::timestamptz WHERE id = ?::uuid AND status <> 'terminated' RETURNING id");

const QString kRetryPod =
    QStringLiteral("UPDATE cloud_pods SET status = 'pending', updated_at = ?::timestamptz "
                   "WHERE id = ?::uuid AND status = 'error' AND terminate_requested_at IS NULL RETURNING id");

} // namespace

Result<EnqueuedJob> CloudPods::enqueueFor(TenantTransaction &tx, const QString &kind, const QString &podId,
                                          int maxAttempts, bool rerunIfRunning)
{
    JobSpec spec;
    spec.tenantId = tx.tenantId();
    spec.kind = kind;
    spec.payload = {{QStringLiteral("pod_id"), podId}};
    spec.uniqueKey = kind + u':' + podId;
    spec.relatedType = kRelatedType;
    spec.relatedId = podId;
    spec.maxAttempts = maxAttempts;
    spec.rerunIfRunning = rerunIfRunning;
    return Jobs::enqueue(tx.db(), spec);
}

QString CloudPods::generatedHostname(const QString &podId)
{
    return QStringLiteral("pod-") + QString(podId).remove(u'-').left(10);
}

bool CloudPods::isValidHostname(const QString &hostname)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$"));
    return pattern.match(hostname).hasMatch();
}

Result<CloudPod> CloudPods::find(const QSqlDatabase &db, const QString &id)
{
    if (!isUuid(id))
        return notFound();
    auto q = sql::exec(
        db, QStringLiteral("SELECT ") + kPodColumns + kPodFrom + QStringLiteral("WHERE p.id = ?::uuid"),
        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return podFrom(*q);
}

Result<CloudPod> CloudPods::create(TenantTransaction &tx, const NewPod &in, const QDateTime &now)
{
    if (!isUuid(in.customerId))
        return makeError(errors::InvalidValue, QStringLiteral("customer_id must be a customer's id"),
                         QStringLiteral("customer_id"));
    if (!isUuid(in.templateId))
        return makeError(errors::InvalidValue, QStringLiteral("template_id must be a template's id"),
                         QStringLiteral("template_id"));
    if (!in.hostname.isEmpty() && !isValidHostname(in.hostname))
        return makeError(errors::InvalidValue,
                         QStringLiteral("a host name is 1 to 63 letters, digits and inner hyphens"),
                         QStringLiteral("hostname"));
    auto customer =
        sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM customers WHERE id = ?::uuid"), {in.customerId});
    if (!customer)
        return customer.error();
    if (!customer->next())
        return makeError(errors::InvalidValue, QStringLiteral("no such customer"),
                         QStringLiteral("customer_id"));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString hostname = in.hostname.isEmpty() ? generatedHostname(id) : in.hostname.toLower();
    if (in.unit < 1 || in.unit > 1000)
        return makeError(errors::InvalidValue, QStringLiteral("a pod's unit is 1 to 1000"),
                         QStringLiteral("unit"));
    auto q = sql::exec(tx.db(), kInsertPod,
                       {id, tx.tenantId(), in.customerId, nullable(in.subscriptionId), in.unit, hostname,
                        // A null QString binds as NULL: no keys is the empty text.
                        in.sshPublicKeys.isEmpty() ? QStringLiteral("") : in.sshPublicKeys, now.toUTC(),
                        now.toUTC(), in.templateId});
    if (!q)
        return q.error();
    if (!q->next()) {
        if (!in.subscriptionId.isEmpty()) {
            auto existing = sql::exec(tx.db(), kPodForSubscriptionUnit, {in.subscriptionId, in.unit});
            if (!existing)
                return existing.error();
            if (existing->next())
                return find(tx.db(), existing->value(0).toString());
        }
        return makeError(errors::InvalidValue, QStringLiteral("no such CloudPod template"),
                         QStringLiteral("template_id"));
    }
    auto job = enqueueFor(tx, kinds::provision, id, 8);
    if (!job)
        return job.error();
    return find(tx.db(), id);
}

Result<QList<CloudPod>> CloudPods::ofSubscription(TenantTransaction &tx, const QString &subscriptionId)
{
    QList<CloudPod> pods;
    if (!isUuid(subscriptionId))
        return pods;
    auto q = sql::exec(tx.db(), kPodsOfSubscription, {subscriptionId});
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    for (const QString &id : std::as_const(ids)) {
        auto pod = find(tx.db(), id);
        if (!pod)
            return pod.error();
        pods.append(*pod);
    }
    return pods;
}

namespace {

void podConditions(const PodFilter &filter, QStringList &where, QVariantList &binds)
{
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("p.status = ?");
        binds << filter.status;
    }
    if (!filter.nodeName.isEmpty()) {
        where << QStringLiteral("n.name = ?");
        binds << filter.nodeName;
    }
    if (!filter.customerId.isEmpty()) {
        where << QStringLiteral("p.customer_id = ?::uuid");
        binds << filter.customerId;
    }
}

} // namespace

Result<QList<CloudPod>> CloudPods::list(TenantTransaction &tx, const PodFilter &filter)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    podConditions(filter, where, binds);
    binds << qBound(1, filter.limit, 500);
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT ") + kPodColumns + kPodFrom + QStringLiteral("WHERE ") +
                           where.join(QStringLiteral(" AND ")) +
                           QStringLiteral(" ORDER BY p.created_at DESC, p.id LIMIT ?"),
                       binds);
    if (!q)
        return q.error();
    QList<CloudPod> pods;
    while (q->next())
        pods.append(podFrom(*q));
    return pods;
}

QList<api::SortOrder> CloudPods::sortOrders()
{
    return {
        {QStringLiteral("created_at"), {QStringLiteral("p.created_at")}, {QStringLiteral("timestamptz")}},
        {QStringLiteral("hostname"), {QStringLiteral("lower(p.hostname)")}, {QStringLiteral("text")}},
        {QStringLiteral("status"), {QStringLiteral("p.status")}, {QStringLiteral("text")}},
    };
}

Result<PodPage> CloudPods::page(TenantTransaction &tx, const PodFilter &filter, const api::KeysetPage &page)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    podConditions(filter, where, binds);
    const QString after = page.afterCondition(QStringLiteral("p.id"));
    if (!after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    const QString text = QStringLiteral("SELECT %1, %2 %3 WHERE %4 ORDER BY %5 LIMIT %6")
                             .arg(kPodColumns, page.keySelect(), kPodFrom,
                                  where.join(QStringLiteral(" AND ")), page.orderBy(QStringLiteral("p.id")))
                             .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), text, binds);
    if (!q)
        return q.error();
    return api::readPage<PodPage>(*q, page, kPodColumnCount, podFrom);
}

PodActions CloudPods::actionsFor(const CloudPod &pod)
{
    // Mirrors the guards of the updates below: nothing for a terminated pod or one on its way out.
    PodActions a;
    const bool live = pod.status != QStringLiteral("terminated") && !pod.terminateRequested;
    a.retry = live && pod.status == QStringLiteral("error");
    a.suspend = live && !pod.suspendRequested;
    a.unsuspend = live && pod.suspendRequested;
    a.terminate = live;
    a.resetPassword = live && pod.status == QLatin1String("active") && pod.guestKind == QLatin1String("qemu");
    a.reinstall = live && !pod.reinstallRequested &&
                  (pod.status == QLatin1String("active") || pod.status == QLatin1String("suspended") ||
                   pod.status == QLatin1String("error"));
    return a;
}

Result<QList<JobRecord>> CloudPods::jobs(TenantTransaction &tx, const QString &podId)
{
    JobFilter filter;
    filter.relatedType = kRelatedType;
    filter.relatedId = podId;
    filter.limit = 50;
    return Jobs::list(tx.db(), filter);
}

Status CloudPods::requestPower(TenantTransaction &tx, const QString &podId, bool suspended,
                               const QDateTime &now)
{
    auto q = sql::exec(tx.db(), kSetPower, {suspended, now.toUTC(), podId});
    if (!q)
        return q.error();
    if (!q->next())
        return {}; // terminated or on its way: nothing to power
    // The power job reads the wish when it starts. One that is running already may have read
    // the old wish, so it runs once more after it completes; one still queued reads this one.
    auto job = enqueueFor(tx, kinds::power, podId, 10, true);
    if (!job)
        return job.error();
    return {};
}

Status CloudPods::requestTerminate(TenantTransaction &tx, const QString &podId, const QDateTime &now)
{
    auto q = sql::exec(tx.db(), kSetTerminate, {now.toUTC(), now.toUTC(), podId});
    if (!q)
        return q.error();
    if (!q->next())
        return {};
    auto job = enqueueFor(tx, kinds::terminate, podId, 20);
    if (!job)
        return job.error();
    return {};
}

Result<CloudPod> CloudPods::retry(TenantTransaction &tx, const QString &podId, const QString &actor,
                                  const QDateTime &now)
{
    auto pod = find(tx.db(), podId);
    if (!pod)
        return pod;
    auto q = sql::exec(tx.db(), kRetryPod, {now.toUTC(), podId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(
            errors::InvalidTransition,
            QStringLiteral("only a pod in error can be retried; this one is %1").arg(pod->status),
            QStringLiteral("status"));
    auto job = enqueueFor(tx, kinds::provision, podId, 8);
    if (!job)
        return job.error();
    if (!job->created) {
        // Its job is waiting for a retry already: run it now.
        auto record = Jobs::find(tx.db(), job->id);
        if (!record)
            return record.error();
        if (record->status == JobStatus::Failed) {
            auto retried = Jobs::retry(tx.db(), job->id, actor);
            if (!retried)
                return retried.error();
        }
    }
    return find(tx.db(), podId);
}

QJsonObject CloudPods::toJson(const CloudPod &p)
{
    const auto text = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("customer_id"), p.customerId},
            {QStringLiteral("subscription_id"), text(p.subscriptionId)},
            {QStringLiteral("unit"), p.unit},
            {QStringLiteral("template"),
             QJsonObject{{QStringLiteral("id"), p.templateId}, {QStringLiteral("name"), p.templateName}}},
            {QStringLiteral("hostname"), p.hostname},
            {QStringLiteral("status"), p.status},
            {QStringLiteral("address"), text(p.ipAddress)},
            {QStringLiteral("cluster"), text(p.clusterName)},
            {QStringLiteral("cluster_id"), text(p.clusterId)},
            {QStringLiteral("node"), text(p.nodeName)},
            {QStringLiteral("vmid"), p.vmid > 0 ? QJsonValue(p.vmid) : QJsonValue()},
            {QStringLiteral("guest_kind"), p.guestKind},
            {QStringLiteral("access"),
             QJsonObject{{QStringLiteral("user"), p.loginUser},
                         {QStringLiteral("ssh_public_keys"),
                          QJsonArray::fromStringList(p.sshPublicKeys.split(u'\n', Qt::SkipEmptyParts))},
                         {QStringLiteral("connect"), text(p.connectCommand())}}},
            {QStringLiteral("last_error"), text(p.lastError)},
            {QStringLiteral("suspend_requested"), p.suspendRequested},
            {QStringLiteral("terminate_requested"), p.terminateRequested},
            {QStringLiteral("reinstall_requested"), p.reinstallRequested},
            {QStringLiteral("created_at"), api::timestamp(p.createdAt)},
            {QStringLiteral("updated_at"), api::timestamp(p.updatedAt)},
            {QStringLiteral("provisioned_at"),
             p.provisionedAt.isValid() ? api::timestamp(p.provisionedAt) : QJsonValue()},
            {QStringLiteral("terminated_at"),
             p.terminatedAt.isValid() ? api::timestamp(p.terminatedAt) : QJsonValue()}};
}

} // namespace mp::cloudpods
