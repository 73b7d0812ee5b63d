#include "e2e/money_path.h"

#include "support/http_client.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace mp::e2e {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonArray items(const QJsonObject &o)
{
    return o.value(QStringLiteral("items")).toArray();
}

QString errorText(int status, const QByteArray &body)
{
    return QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(400)));
}

QString money(const QJsonObject &o, const char *key)
{
    return QStringLiteral("%1 %2").arg(str(o, key), str(o, "currency"));
}

} // namespace

MoneyPath::MoneyPath(MoneyPathSettings settings, StepCallback onStep)
    : m_s(std::move(settings)), m_onStep(std::move(onStep))
{
}

MoneyPath::Reply MoneyPath::call(const QByteArray &method, const QString &pathOrUrl, const QString &token,
                                 const QJsonObject &body)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!token.isEmpty())
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    if (!body.isEmpty())
        headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    const QUrl url = pathOrUrl.startsWith(u'/') ? m_s.service.resolved(QUrl(pathOrUrl)) : QUrl(pathOrUrl);
    const auto r = test::httpCall(method, url, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                                  headers, 30000);
    return {r.status, r.json(), r.body};
}

MoneyPath::Reply MoneyPath::form(const QUrl &url, const QByteArray &body)
{
    const auto r =
        test::httpCall("POST", url, body, {{"Content-Type", "application/x-www-form-urlencoded"}}, 30000);
    return {r.status, r.json(), r.body};
}

bool MoneyPath::step(const QString &name, bool ok, const QString &summary, const QJsonObject &data)
{
    if (m_onStep)
        m_onStep(MoneyPathStep{name, ok, summary, data});
    return ok;
}

bool MoneyPath::waitFor(const std::function<bool()> &probe) const
{
    QElapsedTimer timer;
    timer.start();
    while (!probe()) {
        if (timer.elapsed() > m_s.pollTimeoutMs)
            return false;
        // An event loop, not a sleep: in the test the caller's process also serves nothing, but
        // queued deliveries of Qt objects in this thread must keep moving.
        QEventLoop loop;
        QTimer::singleShot(250, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QString MoneyPath::findByName(const QString &path, const QString &name, QJsonObject *found)
{
    const Reply r = call("GET", path, m_s.staffToken);
    const QJsonArray list = items(r.json);
    for (const QJsonValue &v : list) {
        if (str(v.toObject(), "name") == name) {
            if (found)
                *found = v.toObject();
            return str(v.toObject(), "id");
        }
    }
    return {};
}

bool MoneyPath::ensureProduct()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("type"), QStringLiteral("cloudpod"));
    query.addQueryItem(QStringLiteral("q"), m_s.productName);
    QJsonObject existing;
    m_productId = findByName(QStringLiteral("/api/products?") + query.toString(QUrl::FullyEncoded),
                             m_s.productName, &existing);
    if (!m_productId.isEmpty())
        return step(QStringLiteral("product"), true,
                    QStringLiteral("product \"%1\" exists (%2)").arg(m_s.productName, m_productId), existing);

    const QString templateId = findByName(QStringLiteral("/api/cloudpod-templates"), m_s.templateName);
    if (templateId.isEmpty())
        return step(QStringLiteral("product"), false,
                    QStringLiteral("no CloudPod template named %1").arg(m_s.templateName));
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("cloudpod")},
                           {QStringLiteral("name"), m_s.productName},
                           {QStringLiteral("template_id"), templateId},
                           {QStringLiteral("prices"),
                            QJsonArray{QJsonObject{{QStringLiteral("cycle"), QStringLiteral("monthly")},
                                                   {QStringLiteral("currency"), m_s.currency},
                                                   {QStringLiteral("amount"), m_s.monthlyPrice}}}}};
    const Reply r = call("POST", QStringLiteral("/api/products"), m_s.staffToken, body);
    m_productId = str(r.json, "id");
    return step(QStringLiteral("product"), r.status == 201 && !m_productId.isEmpty(),
                r.status == 201
                    ? QStringLiteral("staff created product \"%1\" at %2 %3 a month (template %4)")
                          .arg(m_s.productName, m_s.monthlyPrice, m_s.currency, m_s.templateName)
                    : errorText(r.status, r.body),
                r.json);
}

bool MoneyPath::ensureCluster()
{
    const QJsonObject clusterBody{{QStringLiteral("name"), m_s.clusterName},
                                  {QStringLiteral("api_base"), m_s.proxmoxApiBase},
                                  {QStringLiteral("token_id"), m_s.proxmoxTokenId},
                                  {QStringLiteral("token_secret"), m_s.proxmoxTokenSecret},
                                  {QStringLiteral("ca_pem"), m_s.proxmoxCaPem},
                                  // The money path runs on mpanel-proxmox-emulator only.
                                  {QStringLiteral("mode"), QStringLiteral("sandbox")}};
    m_clusterId = findByName(QStringLiteral("/api/proxmox/clusters"), m_s.clusterName);
    Reply r;
    if (m_clusterId.isEmpty()) {
        r = call("POST", QStringLiteral("/api/proxmox/clusters"), m_s.staffToken, clusterBody);
        m_clusterId = str(r.json, "id");
        if (!step(QStringLiteral("proxmox cluster"), r.status == 201 && !m_clusterId.isEmpty(),
                  r.status == 201
                      ? QStringLiteral("staff added Proxmox cluster %1 (sandbox: the emulator) at %2")
                            .arg(m_s.clusterName, m_s.proxmoxApiBase)
                      : errorText(r.status, r.body),
                  r.json))
            return false;
    } else {
        // The emulator may listen elsewhere than last time: the stored address and token follow.
        r = call("PATCH", QStringLiteral("/api/proxmox/clusters/") + m_clusterId, m_s.staffToken,
                 clusterBody);
        if (!step(QStringLiteral("proxmox cluster"), r.status == 200,
                  r.status == 200
                      ? QStringLiteral("Proxmox cluster %1 (sandbox: the emulator) exists, now at %2")
                            .arg(m_s.clusterName, m_s.proxmoxApiBase)
                      : errorText(r.status, r.body),
                  r.json))
            return false;
    }

    const QString nodesPath = QStringLiteral("/api/proxmox/clusters/%1/nodes").arg(m_clusterId);
    QString nodeId = findByName(nodesPath, m_s.proxmoxNode);
    if (nodeId.isEmpty()) {
        r = call("POST", nodesPath, m_s.staffToken,
                 QJsonObject{{QStringLiteral("name"), m_s.proxmoxNode},
                             {QStringLiteral("cpu_cores"), 32},
                             {QStringLiteral("ram_mb"), 131072},
                             {QStringLiteral("disk_gb"), 2000}});
        nodeId = str(r.json, "id");
        if (!step(
                QStringLiteral("proxmox node"), r.status == 201 && !nodeId.isEmpty(),
                r.status == 201
                    ? QStringLiteral("staff added node %1 (32 cores, 128 GiB, 2000 GB)").arg(m_s.proxmoxNode)
                    : errorText(r.status, r.body),
                r.json))
            return false;
    } else {
        step(QStringLiteral("proxmox node"), true, QStringLiteral("node %1 exists").arg(m_s.proxmoxNode));
    }

    QJsonObject pool;
    if (!findByName(QStringLiteral("/api/ip-pools"), m_s.poolName, &pool).isEmpty())
        return step(QStringLiteral("ip pool"), true, QStringLiteral("IP pool %1 exists").arg(m_s.poolName),
                    pool);
    r = call("POST", QStringLiteral("/api/ip-pools"), m_s.staffToken,
             QJsonObject{{QStringLiteral("cluster_id"), m_clusterId},
                         {QStringLiteral("name"), m_s.poolName},
                         {QStringLiteral("first_address"), m_s.poolFirst},
                         {QStringLiteral("last_address"), m_s.poolLast},
                         {QStringLiteral("prefix_length"), m_s.poolPrefixLength},
                         {QStringLiteral("gateway"), m_s.poolGateway},
                         {QStringLiteral("dns_servers"), QStringLiteral("9.9.9.9")}});
    return step(QStringLiteral("ip pool"), r.status == 201,
                r.status == 201 ? QStringLiteral("staff added IP pool %1: %2 - %3/%4 via %5")
                                      .arg(m_s.poolName, m_s.poolFirst, m_s.poolLast)
                                      .arg(m_s.poolPrefixLength)
                                      .arg(m_s.poolGateway)
                                : errorText(r.status, r.body),
                r.json);
}

bool MoneyPath::prepareCatalog()
{
    if (!ensureProduct())
        return false;
    return !m_s.cloudPods || ensureCluster();
}

MoneyPathOutcome MoneyPath::runCustomer(Expect expect)
{
    MoneyPathOutcome out;
    auto failed = [&out](const QString &name) {
        out.failedStep = name;
        return out;
    };
    const bool paid = expect == Expect::Paid;

    // Sign up.
    const QString email = !m_s.customerEmail.isEmpty()
                              ? m_s.customerEmail
                              : QStringLiteral("customer-%1@example.com")
                                    .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    Reply r = call("POST", QStringLiteral("/api/auth/signup"), {},
                   QJsonObject{{QStringLiteral("tenant_id"), m_s.tenantId},
                               {QStringLiteral("name"), m_s.customerName},
                               {QStringLiteral("email"), email},
                               {QStringLiteral("country"), QStringLiteral("DE")},
                               {QStringLiteral("password"), m_s.password}});
    out.customerId = str(r.json, "customer_id");
    if (!step(QStringLiteral("signup"), r.status == 201 && !out.customerId.isEmpty(),
              r.status == 201 ? QStringLiteral("customer %1 <%2> signed up (%3)")
                                    .arg(m_s.customerName, email, out.customerId)
                              : errorText(r.status, r.body),
              r.json))
        return failed(QStringLiteral("signup"));
    const QString signupToken = str(r.json, "access_token");

    // Order.
    QJsonObject order{{QStringLiteral("product_id"), m_productId},
                      {QStringLiteral("cycle"), QStringLiteral("monthly")}};
    if (!m_s.podHostname.isEmpty())
        order.insert(QStringLiteral("hostname"), m_s.podHostname);
    if (!m_s.sshPublicKey.isEmpty())
        order.insert(QStringLiteral("options"),
                     QJsonObject{{QStringLiteral("ssh_public_keys"), m_s.sshPublicKey}});
    r = call("POST", QStringLiteral("/api/checkout"), signupToken, order);
    out.orderId = str(r.json, "order_id");
    out.invoiceId = str(r.json, "invoice_id");
    if (!step(QStringLiteral("checkout"), r.status == 201 && !out.invoiceId.isEmpty(),
              r.status == 201 ? QStringLiteral("order %1 placed, invoice %2").arg(out.orderId, out.invoiceId)
                              : errorText(r.status, r.body),
              r.json))
        return failed(QStringLiteral("checkout"));

    const QString invoicePath = QStringLiteral("/api/invoices/") + out.invoiceId;
    r = call("GET", invoicePath, signupToken);
    out.invoiceNumber = str(r.json, "number");
    out.invoiceStatus = str(r.json, "status");
    if (!step(QStringLiteral("invoice"), r.status == 200 && out.invoiceStatus == QLatin1String("unpaid"),
              r.status == 200 ? QStringLiteral("invoice %1 for %2 (net %3, tax %4), %5")
                                    .arg(out.invoiceNumber, money(r.json, "total"), str(r.json, "net"),
                                         str(r.json, "tax"), out.invoiceStatus)
                              : errorText(r.status, r.body),
              r.json))
        return failed(QStringLiteral("invoice"));

    // Pay: a Checkout Session at Stripe, then the card on Stripe's page.
    r = call("POST", invoicePath + QStringLiteral("/pay"), signupToken);
    out.sessionId = str(r.json, "session_id");
    const QUrl checkoutUrl(str(r.json, "checkout_url"));
    if (!step(QStringLiteral("pay"), r.status == 200 && checkoutUrl.isValid() && !checkoutUrl.isEmpty(),
              r.status == 200
                  ? QStringLiteral("checkout session %1 at %2").arg(out.sessionId, checkoutUrl.toString())
                  : errorText(r.status, r.body),
              r.json))
        return failed(QStringLiteral("pay"));

    QUrlQuery card;
    card.addQueryItem(QStringLiteral("card"), m_s.card);
    r = form(checkoutUrl, card.toString(QUrl::FullyEncoded).toUtf8());
    const bool cardAccepted = r.status == 200;
    if (!step(QStringLiteral("card"), cardAccepted == paid,
              cardAccepted
                  ? QStringLiteral("card %1 charged").arg(m_s.card)
                  : QStringLiteral("card %1 declined: %2")
                        .arg(m_s.card, str(r.json.value(QStringLiteral("error")).toObject(), "message")),
              r.json))
        return failed(QStringLiteral("card"));

    // Stripe's webhook reaches the service; its answer is visible on the invoice.
    QJsonObject invoice;
    const bool settled = waitFor([&] {
        const Reply inv = call("GET", invoicePath, signupToken);
        invoice = inv.json;
        if (paid)
            return str(invoice, "status") == QLatin1String("paid");
        const QJsonArray payments = invoice.value(QStringLiteral("payments")).toArray();
        return !payments.isEmpty() && str(payments.at(0).toObject(), "status") == QLatin1String("failed");
    });
    out.invoiceStatus = str(invoice, "status");
    if (!step(QStringLiteral("webhook"), settled,
              settled
                  ? (paid ? QStringLiteral("invoice %1 paid at %2")
                                .arg(out.invoiceNumber, str(invoice, "paid_at"))
                          : QStringLiteral("payment recorded as failed (%1), invoice %2 %3")
                                .arg(str(invoice.value(QStringLiteral("payments")).toArray().at(0).toObject(),
                                         "decline_code"),
                                     out.invoiceNumber, out.invoiceStatus))
                  : QStringLiteral("the webhook did not settle the invoice within %1 s (status %2)")
                        .arg(m_s.pollTimeoutMs / 1000)
                        .arg(out.invoiceStatus),
              invoice))
        return failed(QStringLiteral("webhook"));

    if (paid) {
        QJsonObject subscription;
        const bool active = waitFor([&] {
            const QJsonArray list =
                items(call("GET", QStringLiteral("/api/subscriptions"), signupToken).json);
            subscription = list.isEmpty() ? QJsonObject() : list.at(0).toObject();
            return str(subscription, "status") == QLatin1String("active");
        });
        out.subscriptionId = str(subscription, "id");
        out.subscriptionStatus = str(subscription, "status");
        if (!step(QStringLiteral("subscription"), active,
                  active
                      ? QStringLiteral("subscription %1 active, period %2 to %3, next invoice due %4")
                            .arg(out.subscriptionId, str(subscription, "current_period_start"),
                                 str(subscription, "current_period_end"), str(subscription, "next_due_date"))
                      : QStringLiteral("no active subscription (status \"%1\")").arg(out.subscriptionStatus),
                  subscription))
            return failed(QStringLiteral("subscription"));

        if (m_s.cloudPods) {
            QJsonObject pod;
            const bool running = waitFor([&] {
                const QJsonArray list =
                    items(call("GET", QStringLiteral("/api/cloudpods"), signupToken).json);
                pod = list.isEmpty() ? QJsonObject() : list.at(0).toObject();
                return str(pod, "status") == QLatin1String("active") ||
                       str(pod, "status") == QLatin1String("error");
            });
            out.podId = str(pod, "id");
            out.podStatus = str(pod, "status");
            out.podHostname = str(pod, "hostname");
            out.podAddress = str(pod, "address");
            const bool ok = running && out.podStatus == QLatin1String("active") &&
                            !out.podAddress.isEmpty() &&
                            (m_s.podHostname.isEmpty() || out.podHostname == m_s.podHostname);
            if (!step(QStringLiteral("provisioning"), ok,
                      ok ? QStringLiteral("pod %1 active on %2/%3 as VMID %4: %5 at %6")
                               .arg(out.podId, str(pod, "cluster"), str(pod, "node"))
                               .arg(pod.value(QStringLiteral("vmid")).toInteger())
                               .arg(out.podHostname, out.podAddress)
                         : QStringLiteral("pod not active: status \"%1\", last error: %2")
                               .arg(out.podStatus, str(pod, "last_error")),
                      pod))
                return failed(QStringLiteral("provisioning"));

            // The pod's job history: the provisioning job ran to completion. The pod is marked
            // active from inside the job, whose own completion commits a moment later: wait for it.
            QStringList jobs;
            bool provisioned = false;
            waitFor([&] {
                r = call("GET", QStringLiteral("/api/cloudpods/") + out.podId, m_s.staffToken);
                jobs.clear();
                const QJsonArray history = r.json.value(QStringLiteral("jobs")).toArray();
                for (const QJsonValue &v : history) {
                    const QJsonObject job = v.toObject();
                    jobs << QStringLiteral("%1 %2 after %3 attempt(s)")
                                .arg(str(job, "kind"), str(job, "status"))
                                .arg(job.value(QStringLiteral("attempts")).toInt());
                    provisioned = provisioned || (str(job, "kind").contains(QLatin1String("provision")) &&
                                                  str(job, "status") == QLatin1String("completed"));
                }
                return r.status != 200 || provisioned;
            });
            if (!step(QStringLiteral("provisioning job"), r.status == 200 && provisioned,
                      r.status == 200 ? jobs.join(QStringLiteral("; ")) : errorText(r.status, r.body),
                      r.json))
                return failed(QStringLiteral("provisioning job"));
        }
    }

    // Sign in again, as a returning customer would, and look at everything with that token.
    r = call("POST", QStringLiteral("/api/auth/login"), {},
             QJsonObject{{QStringLiteral("tenant_id"), m_s.tenantId},
                         {QStringLiteral("email"), email},
                         {QStringLiteral("password"), m_s.password}});
    out.customerToken = str(r.json, "access_token");
    if (!step(QStringLiteral("sign in"), r.status == 200 && !out.customerToken.isEmpty(),
              r.status == 200 ? QStringLiteral("customer signed in") : errorText(r.status, r.body), r.json))
        return failed(QStringLiteral("sign in"));

    const Reply invoices = call("GET", QStringLiteral("/api/invoices"), out.customerToken);
    const Reply subscriptions = call("GET", QStringLiteral("/api/subscriptions"), out.customerToken);
    const Reply pods =
        m_s.cloudPods ? call("GET", QStringLiteral("/api/cloudpods"), out.customerToken) : Reply{};
    const QJsonArray invoiceList = items(invoices.json);
    const QJsonArray subscriptionList = items(subscriptions.json);
    const QJsonArray podList = items(pods.json);
    const QJsonObject seenInvoice = invoiceList.isEmpty() ? QJsonObject() : invoiceList.at(0).toObject();
    const QJsonObject seenSubscription =
        subscriptionList.isEmpty() ? QJsonObject() : subscriptionList.at(0).toObject();
    const QJsonObject seenPod = podList.isEmpty() ? QJsonObject() : podList.at(0).toObject();
    out.invoiceStatus = str(seenInvoice, "status");
    bool sees = invoices.status == 200 && subscriptions.status == 200 && invoiceList.size() == 1 &&
                str(seenInvoice, "id") == out.invoiceId;
    QString summary;
    if (paid) {
        sees = sees && out.invoiceStatus == QLatin1String("paid") && subscriptionList.size() == 1 &&
               str(seenSubscription, "status") == QLatin1String("active");
        if (m_s.cloudPods)
            sees = sees && pods.status == 200 && podList.size() == 1 &&
                   str(seenPod, "status") == QLatin1String("active") && !str(seenPod, "address").isEmpty();
        summary = QStringLiteral("the customer sees invoice %1 %2, subscription %3 %4")
                      .arg(str(seenInvoice, "number"), out.invoiceStatus, str(seenSubscription, "id"),
                           str(seenSubscription, "status"));
        if (m_s.cloudPods)
            summary += QStringLiteral(", pod %1 %2 at %3")
                           .arg(str(seenPod, "hostname"), str(seenPod, "status"), str(seenPod, "address"));
    } else {
        sees = sees && out.invoiceStatus == QLatin1String("unpaid") && subscriptionList.isEmpty() &&
               (!m_s.cloudPods || (pods.status == 200 && podList.isEmpty()));
        summary = QStringLiteral("the customer sees invoice %1 %2, %3 subscription(s)")
                      .arg(str(seenInvoice, "number"), out.invoiceStatus)
                      .arg(subscriptionList.size());
        if (m_s.cloudPods)
            summary += QStringLiteral(", %1 pod(s)").arg(podList.size());
    }
    if (!step(QStringLiteral("customer view"), sees, summary,
              QJsonObject{{QStringLiteral("invoices"), invoiceList},
                          {QStringLiteral("subscriptions"), subscriptionList},
                          {QStringLiteral("cloudpods"), podList}}))
        return failed(QStringLiteral("customer view"));
    out.ok = true;
    return out;
}

} // namespace mp::e2e
