#pragma once

// The money path as a customer and the staff walk it, over HTTP only: staff set up a CloudPod
// product and a Proxmox cluster with an IP pool, a new customer signs up, orders, pays at the
// Stripe checkout page with a test card, and the service's own webhook handling, subscriptions
// and provisioning jobs take it from there. The end-to-end test asserts every step; the
// mpanel-demo tool prints them. Nothing here touches the database.

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace mp::e2e {

struct MoneyPathSettings {
    QUrl service;       // http://127.0.0.1:PORT of a running mpanel-service
    QString tenantId;   // the tenant customers sign up with
    QString staffToken; // an admin API token of that tenant
    QString card = QStringLiteral("4242 4242 4242 4242");
    QString customerName = QStringLiteral("Ada Lovelace");
    QString customerEmail; // empty: a fresh address per run
    QString password = QStringLiteral("correct horse battery staple");
    QString productName = QStringLiteral("CloudPod Mini");
    QString templateName = QStringLiteral("Mini");
    QString currency = QStringLiteral("EUR");
    QString monthlyPrice = QStringLiteral("4.99");

    // CloudPods: the Proxmox cluster the service provisions on (the emulator in tests and demos).
    bool cloudPods = true;
    QString podHostname;  // one DNS label given at checkout; empty: the service makes one up
    QString sshPublicKey; // the customer's key given at checkout; empty: none (a password then)
    QString clusterName = QStringLiteral("demo-cluster");
    QString proxmoxApiBase; // https://127.0.0.1:PORT/api2/json
    QString proxmoxTokenId;
    QString proxmoxTokenSecret;
    QString proxmoxCaPem;
    QString proxmoxNode = QStringLiteral("pve1");
    QString poolName = QStringLiteral("demo-pool");
    QString poolFirst = QStringLiteral("10.20.0.10");
    QString poolLast = QStringLiteral("10.20.0.250");
    int poolPrefixLength = 24;
    QString poolGateway = QStringLiteral("10.20.0.1");

    int pollTimeoutMs = 180000; // CI machines are slow and share two cores
};

// One finished step: what it was, whether it did what the flow expects, a line for people,
// and the JSON it read (the test asserts on it).
struct MoneyPathStep {
    QString name;
    bool ok = false;
    QString summary;
    QJsonObject data;
};

// What the run ended with; ids are empty where the flow did not get there.
struct MoneyPathOutcome {
    bool ok = false;
    QString failedStep;
    QString customerId, customerToken;
    QString productId, orderId, invoiceId, invoiceNumber, invoiceStatus, sessionId;
    QString subscriptionId, subscriptionStatus;
    QString podId, podStatus, podHostname, podAddress;
};

class MoneyPath {
public:
    using StepCallback = std::function<void(const MoneyPathStep &)>;
    enum class Expect { Paid, Declined };

    MoneyPath(MoneyPathSettings settings, StepCallback onStep);

    // Staff: the product with its prices and (with cloudPods) the cluster, node and IP pool.
    // Idempotent: what exists by name is reused, so a demo can run again on the same data.
    bool prepareCatalog();
    // The customer's side, from sign-up to what they see. Paid: invoice paid, subscription
    // active, pod active with an address. Declined: the card is refused, the invoice stays
    // unpaid, no subscription and no pod appear.
    MoneyPathOutcome runCustomer(Expect expect);

    const QString &productId() const { return m_productId; }

private:
    struct Reply {
        int status = 0;
        QJsonObject json;
        QByteArray body;
    };
    Reply call(const QByteArray &method, const QString &pathOrUrl, const QString &token,
               const QJsonObject &body = {});
    Reply form(const QUrl &url, const QByteArray &body);
    bool step(const QString &name, bool ok, const QString &summary, const QJsonObject &data = {});
    // Polls `probe` every 250 ms until it returns true or the timeout passes.
    bool waitFor(const std::function<bool()> &probe) const;
    QString findByName(const QString &path, const QString &name, QJsonObject *found = nullptr);

    bool ensureProduct();
    bool ensureCluster();

    MoneyPathSettings m_s;
    StepCallback m_onStep;
    QString m_productId;
    QString m_clusterId;
};

} // namespace mp::e2e
