#include "cloudpods/cloudpod_product_type.h"

#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/root_passwords.h"
#include "cloudpods/ssh_public_keys.h"
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
    "SELECT p.template_id, i.hostname, i.options->>'ssh_public_keys', "
    "coalesce((i.options->>'saved_ssh_keys')::boolean, true) FROM products p "
    "LEFT JOIN order_items i ON i.id = NULLIF(?, '')::uuid AND i.product_id = p.id WHERE p.id = ?::uuid");
const QString kSavedKeys = QStringLiteral(
    "SELECT public_key FROM customer_ssh_keys WHERE customer_id = ?::uuid ORDER BY created_at, id");
const QString kSavedKeyCount =
    QStringLiteral("SELECT count(*) FROM customer_ssh_keys WHERE customer_id = ?::uuid");
// A line's generated password goes to each of its pods, then leaves the line.
const QString kLinePassword = QStringLiteral(
    "INSERT INTO cloudpod_pending_passwords (tenant_id, order_item_id, purpose, password, created_at) "
    "VALUES (?::uuid, ?::uuid, 'create', ?, ?::timestamptz)");
// A function (migration 0024): staff logins mark invoices paid but may not read the password.
const QString kPassToPod = QStringLiteral("SELECT mpanel_pass_line_password(?::uuid, ?::uuid)");
const QString kDropLinePassword =
    QStringLiteral("DELETE FROM cloudpod_pending_passwords WHERE order_item_id = ?::uuid");

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

// A CloudPod line's options: SSH keys and a generated root password (checkout's `options`).
std::shared_ptr<const api::RequestBody> lineOptions()
{
    using api::BodyField;
    auto body = std::make_shared<api::RequestBody>(QStringLiteral("CloudPodLineOptions"));
    body->add(BodyField::string(QStringLiteral("ssh_public_keys"))
                  .maxLength(40000)
                  .describe(QStringLiteral("CloudPods: OpenSSH public keys for root (the cloud-init user "
                                           "on a VM), one per line")));
    body->add(
        BodyField::boolean(QStringLiteral("saved_ssh_keys"))
            .defaultValue(true)
            .describe(QStringLiteral("CloudPods: also install the keys saved on the customer's profile")));
    body->add(
        BodyField::boolean(QStringLiteral("root_password"))
            .defaultValue(false)
            .describe(QStringLiteral("CloudPods: generate a root password, shown once in the checkout's "
                                     "answer (access.root_password). A pod with no key gets one anyway")));
    return body;
}

Result<QJsonObject> lineOrdered(TenantTransaction &tx, const provisioning::OrderedLine &line)
{
    const QString field = QStringLiteral("options.ssh_public_keys");
    auto keys =
        SshPublicKeys::parseList(line.options.string(QStringLiteral("ssh_public_keys"), QString()), field);
    if (!keys)
        return keys.error();
    qint64 saved = 0;
    if (line.options.boolean(QStringLiteral("saved_ssh_keys")).value_or(true)) {
        auto q = sql::exec(tx.db(), kSavedKeyCount, {line.customerId});
        if (!q)
            return q.error();
        saved = q->next() ? q->value(0).toLongLong() : 0;
    }
    // A pod nobody can log in to is of no use: without any key it gets a password.
    const bool password = line.options.boolean(QStringLiteral("root_password")).value_or(false) ||
                          (keys->isEmpty() && saved == 0);
    if (!password)
        return QJsonObject();
    const QString generated = RootPasswords::generate();
    auto q = sql::exec(tx.db(), kLinePassword,
                       {tx.tenantId(), line.orderItemId, generated, QDateTime::currentDateTimeUtc()});
    if (!q)
        return q.error();
    return QJsonObject{
        {QStringLiteral("root_password"), generated},
        {QStringLiteral("pods"), line.quantity},
        {QStringLiteral("note"), QStringLiteral("shown once: mPanel keeps no copy after the pods are "
                                                "created")}};
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
        const QString templateId = q->value(0).toString();
        const QString hostname = q->value(1).toString(); // empty: generated
        QStringList keys;
        if (!q->value(2).isNull()) {
            auto given = SshPublicKeys::parseList(q->value(2).toString(), QStringLiteral("ssh_public_keys"));
            if (!given)
                return given.error();
            keys = *given;
        }
        if (q->value(3).toBool()) {
            auto saved = sql::exec(tx.db(), kSavedKeys, {request.customerId});
            if (!saved)
                return saved.error();
            while (saved->next())
                if (!keys.contains(saved->value(0).toString()))
                    keys << saved->value(0).toString();
        }
        const int units = qBound(1, request.quantity, 1000);
        for (int unit = 1; unit <= units; ++unit) {
            NewPod pod;
            pod.customerId = request.customerId;
            pod.subscriptionId = request.subscriptionId;
            pod.templateId = templateId;
            pod.unit = unit;
            pod.sshPublicKeys = keys.join(u'\n');
            // Unit 1 keeps the name the customer chose; the others are numbered after it.
            if (!hostname.isEmpty())
                pod.hostname =
                    unit == 1 ? hostname : QStringLiteral("%1-%2").arg(hostname.left(58)).arg(unit);
            auto created = CloudPods::create(tx, pod, now);
            if (!created)
                return created.error();
            if (!orderItem.isEmpty()) {
                if (auto p = sql::exec(tx.db(), kPassToPod, {created->id, orderItem}); !p)
                    return p.error();
            }
        }
        if (!orderItem.isEmpty()) {
            if (auto d = sql::exec(tx.db(), kDropLinePassword, {orderItem}); !d)
                return d.error();
        }
        return {};
    }

    Status suspended(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                     const QDateTime &now) override
    {
        return eachPod(tx, request,
                       [&](const CloudPod &pod) { return CloudPods::requestPower(tx, pod.id, true, now); });
    }

    Status unsuspended(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                       const QDateTime &now) override
    {
        return eachPod(tx, request,
                       [&](const CloudPod &pod) { return CloudPods::requestPower(tx, pod.id, false, now); });
    }

    Status terminated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                      const QDateTime &now) override
    {
        return eachPod(tx, request,
                       [&](const CloudPod &pod) { return CloudPods::requestTerminate(tx, pod.id, now); });
    }

    Result<QString> status(TenantTransaction &tx, const provisioning::ServiceRequest &request) override
    {
        auto pods = CloudPods::ofSubscription(tx, request.subscriptionId);
        if (!pods)
            return pods.error();
        if (pods->isEmpty())
            return QStringLiteral("no CloudPod yet");
        QStringList lines;
        for (const CloudPod &pod : std::as_const(*pods)) {
            QString text = QStringLiteral("CloudPod %1: %2").arg(pod.hostname, pod.status);
            if (!pod.ipAddress.isEmpty())
                text += QStringLiteral(", %1").arg(pod.ipAddress);
            if (!pod.nodeName.isEmpty())
                text += QStringLiteral(" on %1").arg(pod.nodeName);
            if (pod.status == QLatin1String("error") && !pod.lastError.isEmpty())
                text += QStringLiteral(" (%1)").arg(pod.lastError);
            lines << text;
        }
        return lines.join(QStringLiteral("; "));
    }

    Result<QJsonArray> services(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                                bool forStaff) override
    {
        auto pods = CloudPods::ofSubscription(tx, request.subscriptionId);
        if (!pods)
            return pods.error();
        QJsonArray out;
        for (const CloudPod &pod : std::as_const(*pods)) {
            const auto text = [](const QString &v) { return v.isEmpty() ? QJsonValue() : QJsonValue(v); };
            QJsonObject o{{QStringLiteral("type"), QStringLiteral("cloudpod")},
                          {QStringLiteral("id"), pod.id},
                          {QStringLiteral("unit"), pod.unit},
                          {QStringLiteral("name"), pod.hostname},
                          {QStringLiteral("state"), pod.status},
                          {QStringLiteral("address"), text(pod.ipAddress)},
                          {QStringLiteral("connect"), text(pod.connectCommand())}};
            if (forStaff) {
                o.insert(QStringLiteral("node"), text(pod.nodeName));
                o.insert(QStringLiteral("vmid"), pod.vmid > 0 ? QJsonValue(pod.vmid) : QJsonValue());
                o.insert(QStringLiteral("last_error"), text(pod.lastError));
            }
            out.append(o);
        }
        return out;
    }

private:
    // Every pod of the subscription; one that never had any (activated before CloudPods existed)
    // has nothing to suspend or terminate.
    static Status eachPod(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                          const std::function<Status(const CloudPod &)> &apply)
    {
        auto pods = CloudPods::ofSubscription(tx, request.subscriptionId);
        if (!pods)
            return pods.error();
        for (const CloudPod &pod : std::as_const(*pods)) {
            if (auto s = apply(pod); !s)
                return s;
        }
        return {};
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
    type.provisionsQuantity = true; // quantity N: N pods, each with its own name, address and VMID
    type.lineOptions = lineOptions();
    type.lineOrdered = lineOrdered;
    return type;
}

} // namespace mp::cloudpods
