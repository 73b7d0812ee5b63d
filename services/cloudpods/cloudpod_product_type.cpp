#include "cloudpods/cloudpod_product_type.h"

#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_errors.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/provisioner.h"
#include "module/provisioning_errors.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QUuid>

// Each call only records the change and queues its job in the subscription's transaction: the
// Proxmox work happens in the job.

namespace mp::cloudpods {

namespace {

const QString kOrderedPod = QStringLiteral(
    "SELECT p.template_id, i.hostname FROM products p "
    "LEFT JOIN order_items i ON i.id = NULLIF(?, '')::uuid AND i.product_id = p.id WHERE p.id = ?::uuid");

// The template must be one of this tenant's; RLS hides every other tenant's templates.
Status checkTemplate(TenantTransaction &tx, const QString &templateId)
{
    const Error unknown =
        makeError(errors::UnknownTemplate, QStringLiteral("no CloudPod template %1").arg(templateId),
                  QStringLiteral("template_id"));
    if (!isUuid(templateId))
        return unknown;
    auto q = sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM cloudpod_templates WHERE id = ?::uuid"),
                       {templateId});
    if (!q)
        return q.error();
    if (!q->next())
        return unknown;
    return {};
}

Result<QString> hostnameFor(const QString &requested)
{
    QString hostname = requested.trimmed().toLower();
    if (hostname.isEmpty())
        hostname = CloudPods::generatedHostname(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!CloudPods::isValidHostname(hostname))
        return makeError(errors::InvalidHostname,
                         QStringLiteral("a host name is 1 to 63 letters, digits and inner hyphens"),
                         QStringLiteral("hostname"));
    return hostname;
}

class CloudPodProvisioner final : public provisioning::Provisioner {
public:
    Status activated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                     const QDateTime &now) override
    {
        if (!isUuid(request.productId))
            return makeError(errors::InvalidValue, QStringLiteral("the subscription names no product"),
                             QStringLiteral("product_id"));
        const QString orderItem = !isUuid(request.orderItemId) ? QString() : request.orderItemId;
        auto q = sql::exec(tx.db(), kOrderedPod, {orderItem, request.productId});
        if (!q)
            return q.error();
        if (!q->next() || q->value(0).isNull())
            return makeError(
                errors::InvalidValue,
                QStringLiteral("product %1 is not a CloudPod product with a template").arg(request.productId),
                QStringLiteral("product_id"));
        NewPod pod;
        pod.customerId = request.customerId;
        pod.subscriptionId = request.subscriptionId;
        pod.templateId = q->value(0).toString();
        pod.hostname = q->value(1).toString(); // empty: generated
        auto created = CloudPods::create(tx, pod, now);
        if (!created)
            return created.error();
        return {};
    }

    Status suspended(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                     const QDateTime &now) override
    {
        auto pod = podOf(tx, request);
        if (!pod)
            return pod.error();
        return pod->isEmpty() ? Status() : CloudPods::requestPower(tx, *pod, true, now);
    }

    Status unsuspended(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                       const QDateTime &now) override
    {
        auto pod = podOf(tx, request);
        if (!pod)
            return pod.error();
        return pod->isEmpty() ? Status() : CloudPods::requestPower(tx, *pod, false, now);
    }

    Status terminated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                      const QDateTime &now) override
    {
        auto pod = podOf(tx, request);
        if (!pod)
            return pod.error();
        return pod->isEmpty() ? Status() : CloudPods::requestTerminate(tx, *pod, now);
    }

    Result<QString> status(TenantTransaction &tx, const provisioning::ServiceRequest &request) override
    {
        auto pod = CloudPods::forSubscription(tx, request.subscriptionId);
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

private:
    // The subscription's pod; a subscription that never had one (activated before CloudPods
    // existed) has nothing to suspend or terminate.
    static Result<QString> podOf(TenantTransaction &tx, const provisioning::ServiceRequest &request)
    {
        auto pod = CloudPods::forSubscription(tx, request.subscriptionId);
        if (!pod)
            return pod.error().code == errors::NotFound ? Result<QString>(QString()) : pod.error();
        return pod->id;
    }
};

} // namespace

provisioning::ProductType cloudPodProductType()
{
    provisioning::ProductType type;
    type.id = QStringLiteral("cloudpod");
    type.label = QString::fromUtf8(QT_TRANSLATE_NOOP("mp::ProductTypes", "CloudPod"));
    type.order = 10;
    type.checkTemplate = checkTemplate;
    type.hostname = hostnameFor;
    type.provisioner = std::make_shared<CloudPodProvisioner>();
    return type;
}

} // namespace mp::cloudpods
