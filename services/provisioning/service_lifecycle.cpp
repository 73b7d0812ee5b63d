#include "provisioning/service_lifecycle.h"

#include "cloudpods/cloud_pods.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QSqlQuery>
#include <QUuid>

// Dispatch on the product type. CloudPods are the first provisioner; every other type carries no
// provisioned service yet and is a no-op. Each CloudPod call only records the change and queues
// its job in the subscription's transaction: the Proxmox work happens in the job.

namespace mp::provisioning {

namespace {

bool isCloudPod(const ServiceRequest &request)
{
    return request.productType == QLatin1String("cloudpod");
}

const QString kOrderedPod = QStringLiteral(
    "SELECT p.template_id, i.hostname FROM products p "
    "LEFT JOIN order_items i ON i.id = NULLIF(?, '')::uuid AND i.product_id = p.id WHERE p.id = ?::uuid");

// The subscription's pod; a subscription that never had one (activated before CloudPods
// existed, or for another type) has nothing to suspend or terminate.
Result<QString> podOf(TenantTransaction &tx, const ServiceRequest &request)
{
    auto pod = cloudpods::CloudPods::forSubscription(tx, request.subscriptionId);
    if (!pod)
        return pod.error().code == errors::NotFound ? Result<QString>(QString()) : pod.error();
    return pod->id;
}

} // namespace

Status onActivated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    if (!isCloudPod(request))
        return {};
    if (QUuid::fromString(request.productId).isNull())
        return makeError(errors::InvalidValue, QStringLiteral("the subscription names no product"),
                         QStringLiteral("product_id"));
    const QString orderItem =
        QUuid::fromString(request.orderItemId).isNull() ? QString() : request.orderItemId;
    auto q = sql::exec(tx.db(), kOrderedPod, {orderItem, request.productId});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return makeError(
            errors::InvalidValue,
            QStringLiteral("product %1 is not a CloudPod product with a template").arg(request.productId),
            QStringLiteral("product_id"));
    cloudpods::NewPod pod;
    pod.customerId = request.customerId;
    pod.subscriptionId = request.subscriptionId;
    pod.templateId = q->value(0).toString();
    pod.hostname = q->value(1).toString(); // empty: generated
    auto created = cloudpods::CloudPods::create(tx, pod, now);
    if (!created)
        return created.error();
    return {};
}

Status onSuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    if (!isCloudPod(request))
        return {};
    auto pod = podOf(tx, request);
    if (!pod)
        return pod.error();
    return pod->isEmpty() ? Status() : cloudpods::CloudPods::requestPower(tx, *pod, true, now);
}

Status onUnsuspended(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    if (!isCloudPod(request))
        return {};
    auto pod = podOf(tx, request);
    if (!pod)
        return pod.error();
    return pod->isEmpty() ? Status() : cloudpods::CloudPods::requestPower(tx, *pod, false, now);
}

Status onTerminated(TenantTransaction &tx, const ServiceRequest &request, const QDateTime &now)
{
    if (!isCloudPod(request))
        return {};
    auto pod = podOf(tx, request);
    if (!pod)
        return pod.error();
    return pod->isEmpty() ? Status() : cloudpods::CloudPods::requestTerminate(tx, *pod, now);
}

Result<QString> serviceStatus(TenantTransaction &tx, const ServiceRequest &request)
{
    if (!isCloudPod(request))
        return QStringLiteral("no provisioned service (nothing provisions %1 products yet)")
            .arg(request.productType.isEmpty() ? QStringLiteral("these") : request.productType);
    auto pod = cloudpods::CloudPods::forSubscription(tx, request.subscriptionId);
    if (!pod) {
        if (pod.error().code == errors::NotFound)
            return QStringLiteral("no CloudPod yet");
        return pod.error();
    }
    QString text = QStringLiteral("CloudPod %1: %2").arg(pod->hostname, pod->status);
    if (!pod->ipAddress.isEmpty())
        text += QStringLiteral(", %1").arg(pod->ipAddress);
    if (!pod->nodeName.isEmpty())
        text += QStringLiteral(" on %1").arg(pod->nodeName);
    if (pod->status == QLatin1String("error") && !pod->lastError.isEmpty())
        text += QStringLiteral(" (%1)").arg(pod->lastError);
    return text;
}

} // namespace mp::provisioning
