// Access to CloudPods and quantities, from checkout to the Proxmox emulator: SSH keys and a
// generated root password reach the LXC create and the QEMU cloud-init config in Proxmox's wire
// format, the password is shown once and then exists nowhere in mPanel (no row, no log line);
// a line of quantity 3 makes 3 pods exactly once under raced activations and retried jobs, and
// the subscription's suspend and terminate reach all of them; the subscription detail gives
// each pod's real state.
#include "cloudpods/cloud_pod.h"
#include "core/json_log.h"
#include "db/tenant_transaction.h"
#include "emulators/proxmox_emulator.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "module/service_lifecycle.h"
#include "support/pod_cluster.h"
#include "support/racing_activations.h"
#include "support/service_fixture.h"

#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>

using namespace mp;
using mp::test::ProxmoxEmulator;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A real key pair made by ssh-keygen, so the emulator's check (ssh-keygen -l, as Proxmox runs
// it) reads it.
QString makePublicKey(const QString &dir, const QString &name)
{
    const QString path = dir + u'/' + name;
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                  QString(), QStringLiteral("-C"), name + QStringLiteral("@example.com"),
                  QStringLiteral("-f"), path});
    if (!keygen.waitForFinished(10000) || keygen.exitCode() != 0)
        qFatal("ssh-keygen failed: %s", keygen.readAllStandardError().constData());
    QFile pub(path + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        qFatal("no public key");
    return QString::fromUtf8(pub.readAll()).trimmed();
}

} // namespace

class TestCloudPodAccess : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    std::unique_ptr<ProxmoxEmulator> m_pve;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_cluster, m_customer, m_customerToken, m_lxcProduct, m_vmProduct;
    QTemporaryDir m_keys;
    QString m_key1, m_key2;
    int m_counter = 0;
    QMutex m_logMutex;
    QList<QByteArray> m_logLines;

    void startEngine(int workers = 3)
    {
        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = workers;
        o.batchSize = 1;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        o.backoffBaseSeconds = 0.2; // a failed attempt comes back at once
        o.backoffCapSeconds = 0.5;
        m_engine = std::make_unique<JobEngine>(o);
        QVERIFY(m_engine->start().ok());
    }

    QString product(const QString &name, const QString &templateId)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_api.exec(QStringLiteral("INSERT INTO products (id, tenant_id, type, name, template_id) "
                                  "VALUES (?::uuid, ?::uuid, 'cloudpod', ?, ?::uuid)"),
                   {id, m_tenant, name, templateId});
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                       "VALUES (?::uuid, ?::uuid, 'monthly', 'EUR', 500)"),
                   {m_tenant, id});
        return id;
    }

    test::HttpResult order(const QString &productId, int quantity, const QJsonObject &options = {},
                           const QString &hostname = {})
    {
        QJsonObject body{{QStringLiteral("product_id"), productId},
                         {QStringLiteral("cycle"), QStringLiteral("monthly")},
                         {QStringLiteral("currency"), QStringLiteral("EUR")},
                         {QStringLiteral("quantity"), quantity}};
        if (!options.isEmpty())
            body.insert(QStringLiteral("options"), options);
        if (!hostname.isEmpty())
            body.insert(QStringLiteral("hostname"), hostname);
        return m_api.call("POST", QStringLiteral("/api/checkout"), m_customerToken, body);
    }

    // Pays the order's invoice by hand (staff): the subscription starts and its pods are made.
    QString pay(const test::HttpResult &ordered)
    {
        const QString invoice = str(ordered.json(), "invoice_id");
        const auto r = m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoice), m_staff,
                                  {{QStringLiteral("status"), QStringLiteral("paid")},
                                   {QStringLiteral("reason"), QStringLiteral("bank transfer")}});
        if (r.status != 200)
            qFatal("pay: %d %s", r.status, r.body.constData());
        return m_api.text(QStringLiteral("SELECT s.id::text FROM subscriptions s JOIN order_items i ON "
                                         "i.id = s.order_item_id WHERE i.order_id = ?::uuid"),
                          {str(ordered.json(), "order_id")});
    }

    QJsonArray podsOf(const QString &subscription)
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/subscriptions/") + subscription, m_staff);
        return r.json()
            .value(QStringLiteral("provisioning"))
            .toObject()
            .value(QStringLiteral("services"))
            .toArray();
    }

    QStringList states(const QString &subscription)
    {
        QStringList out;
        const QJsonArray pods = podsOf(subscription);
        for (const QJsonValue &p : pods)
            out << str(p.toObject(), "state");
        return out;
    }

    // Every row of every table in the schema that holds `needle` anywhere in its text form.
    qint64 rowsHolding(const QString &needle)
    {
        qint64 found = 0;
        auto tables = sql::exec(
            m_api.db(), QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
        if (!tables)
            return -1;
        QStringList names;
        while (tables->next())
            names << tables->value(0).toString();
        for (const QString &table : std::as_const(names))
            found += m_api.scalar(
                QStringLiteral("SELECT count(*) FROM %1 t WHERE strpos(t::text, ?) > 0").arg(table),
                {needle});
        return found;
    }

    bool logged(const QString &needle)
    {
        QMutexLocker lock(&m_logMutex);
        for (const QByteArray &line : std::as_const(m_logLines))
            if (line.contains(needle.toUtf8()))
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_PROXMOX_TIMEOUT_MS", "1500");
        qputenv("MPANEL_PROXMOX_TASK_POLL_MS", "50");
        qputenv("MPANEL_PROXMOX_TASK_TIMEOUT_MS", "8000");
        qputenv("MPANEL_PROXMOX_RETRY_DELAY_MS", "50");
        QVERIFY(m_keys.isValid());
        m_key1 = makePublicKey(m_keys.path(), QStringLiteral("alice"));
        m_key2 = makePublicKey(m_keys.path(), QStringLiteral("bob"));
        JsonLog::setSink([this](const QByteArray &line) {
            QMutexLocker lock(&m_logMutex);
            m_logLines.append(line);
        });
    }

    void cleanupTestCase() { JsonLog::setSink(nullptr); }

    void init()
    {
        m_api.start(QStringLiteral("podaccess-%1").arg(++m_counter));
        m_tenant = m_api.tenant(QStringLiteral("Access Co"));
        m_staff = m_api.staffToken(m_tenant);
        m_pve = std::make_unique<ProxmoxEmulator>();
        m_pve->setTaskDurationMs(50);
        m_pve->setAuthFailureDelayMs(0);
        ProxmoxEmulator::Guest vmTemplate;
        vmTemplate.vmid = 9000;
        vmTemplate.type = QStringLiteral("qemu");
        vmTemplate.name = QStringLiteral("debian-12-cloud");
        vmTemplate.isTemplate = true;
        m_pve->addGuest(vmTemplate);
        QVERIFY(m_pve->start().ok());

        const test::PodCluster cluster = test::registerPodCluster(m_api, m_staff, *m_pve, {64, 262144, 2000});
        QVERIFY2(!cluster.id.isEmpty(), qPrintable(cluster.failure));
        m_cluster = cluster.id;
        const auto [token, customer] =
            m_api.signUp(m_tenant, QStringLiteral("Alice"), QStringLiteral("alice@example.com"));
        m_customerToken = token;
        m_customer = customer;
        const QString mini = m_api.text(
            QStringLiteral(
                "SELECT id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid AND name = 'Mini'"),
            {m_tenant});
        const QString vm = m_api.text(
            QStringLiteral(
                "INSERT INTO cloudpod_templates (tenant_id, name, cpu_cores, ram_mb, disk_gb, guest_kind, "
                "vm_template_id, placement_kind, placement_target) SELECT tenant_id, 'VM', cpu_cores, "
                "ram_mb, disk_gb, 'qemu', 9000, placement_kind, placement_target FROM cloudpod_templates "
                "WHERE id = ?::uuid RETURNING id::text"),
            {mini});
        m_lxcProduct = product(QStringLiteral("Pod Mini"), mini);
        m_vmProduct = product(QStringLiteral("VM Mini"), vm);
        QMutexLocker lock(&m_logMutex);
        m_logLines.clear();
    }

    void cleanup()
    {
        if (m_engine)
            m_engine->stop(2000);
        m_engine.reset();
        m_pve.reset();
    }

    // LXC: password and ssh-public-keys at create; the password is shown once, then gone.
    void containerGetsKeysAndPassword()
    {
        const auto ordered = order(m_lxcProduct, 1,
                                   {{QStringLiteral("ssh_public_keys"), m_key1 + u'\n' + m_key2},
                                    {QStringLiteral("root_password"), true}},
                                   QStringLiteral("shop"));
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        const QString password = ordered.json()
                                     .value(QStringLiteral("access"))
                                     .toObject()
                                     .value(QStringLiteral("root_password"))
                                     .toString();
        QCOMPARE(password.size(), 20);
        // Until the create call it waits in one place only, unreadable by staff logins.
        QCOMPARE(rowsHolding(password), 1);
        const QString subscription = pay(ordered);
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(states(subscription), QStringList{QStringLiteral("active")}, 20000);
        const QList<ProxmoxEmulator::Guest> guests = m_pve->guests();
        const auto created = std::find_if(guests.begin(), guests.end(),
                                          [](const ProxmoxEmulator::Guest &g) { return !g.isTemplate; });
        QVERIFY(created != guests.end());
        QCOMPARE(created->password, password);
        QCOMPARE(created->sshKeys, m_key1 + u'\n' + m_key2);
        // The create call carried them form-encoded under Proxmox's names.
        bool sawCreate = false;
        for (const auto &request : m_pve->requests()) {
            if (request.method == QLatin1String("POST") &&
                request.path.endsWith(QLatin1String("/nodes/pve1/lxc"))) {
                sawCreate = true;
                QVERIFY(request.body.contains("ssh-public-keys=ssh-ed25519%20"));
                QVERIFY(request.body.contains("&password=" + password.toUtf8()));
            }
        }
        QVERIFY(sawCreate);
        // Handed over: no row and no log line holds it (job logs, payloads, orders included).
        QCOMPARE(rowsHolding(password), 0);
        QVERIFY(!logged(password));
        const QJsonObject pod = podsOf(subscription).first().toObject();
        QCOMPARE(str(pod, "connect"), QStringLiteral("ssh root@10.20.0.10"));
        const auto detail =
            m_api.call("GET", QStringLiteral("/api/cloudpods/") + str(pod, "id"), m_customerToken);
        QCOMPARE(detail.status, 200);
        const QJsonObject access = detail.json().value(QStringLiteral("access")).toObject();
        QCOMPARE(str(access, "user"), QStringLiteral("root"));
        QCOMPARE(access.value(QStringLiteral("ssh_public_keys")).toArray().size(), 2);
        QVERIFY(!detail.body.contains(password.toUtf8()));
    }

    // QEMU: cloud-init ciuser, cipassword and sshkeys (URL-encoded inside the form body).
    void vmGetsCloudInit()
    {
        const auto ordered = order(m_vmProduct, 1, {{QStringLiteral("ssh_public_keys"), m_key1}});
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        // A key and no request for a password: nothing is shown.
        QVERIFY(!ordered.json().contains(QStringLiteral("access")));
        const QString subscription = pay(ordered);
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(states(subscription), QStringList{QStringLiteral("active")}, 20000);
        const qint64 vmid = podsOf(subscription).first().toObject().value(QStringLiteral("vmid")).toInteger();
        const auto guest = m_pve->guest(vmid);
        QVERIFY(guest.has_value());
        QCOMPARE(guest->ciuser, QStringLiteral("admin"));
        QCOMPARE(guest->sshKeys, m_key1);
        QVERIFY(guest->password.isEmpty());
        QVERIFY(guest->agent);
        bool sawConfig = false;
        for (const auto &request : m_pve->requests()) {
            if (request.path.endsWith(QStringLiteral("/qemu/%1/config").arg(vmid))) {
                sawConfig = true;
                // Percent-encoded twice: %20 inside the value becomes %2520 in the body.
                QVERIFY(request.body.contains("sshkeys=ssh-ed25519%2520"));
            }
        }
        QVERIFY(sawConfig);
        QCOMPARE(str(podsOf(subscription).first().toObject(), "connect"),
                 QStringLiteral("ssh admin@10.20.0.10"));
    }

    // No key at all: the pod still gets a way in, a generated password.
    void noKeyMeansAPassword()
    {
        const auto ordered = order(m_lxcProduct, 1);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        QVERIFY(!ordered.json()
                     .value(QStringLiteral("access"))
                     .toObject()
                     .value(QStringLiteral("root_password"))
                     .toString()
                     .isEmpty());
    }

    void badKeysNameTheField_data()
    {
        QTest::addColumn<QJsonObject>("options");
        QTest::addColumn<QString>("field");
        QTest::newRow("not a key") << QJsonObject{{QStringLiteral("ssh_public_keys"),
                                                   QStringLiteral("hello world")}}
                                   << QStringLiteral("options.ssh_public_keys");
        QTest::newRow("wrong blob") << QJsonObject{{QStringLiteral("ssh_public_keys"),
                                                    QStringLiteral(
                                                        "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGl0cyBh x")}}
                                    << QStringLiteral("options.ssh_public_keys");
        QTest::newRow("not base64") << QJsonObject{{QStringLiteral("ssh_public_keys"),
                                                    QStringLiteral("ssh-ed25519 !!!! x")}}
                                    << QStringLiteral("options.ssh_public_keys");
        QTest::newRow("wrong type") << QJsonObject{{QStringLiteral("root_password"), QStringLiteral("yes")}}
                                    << QStringLiteral("options.root_password");
        QTest::newRow("unknown") << QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}
                                 << QStringLiteral("options.colour");
    }

    void badKeysNameTheField()
    {
        QFETCH(QJsonObject, options);
        QFETCH(QString, field);
        const auto r = order(m_lxcProduct, 1, options);
        QVERIFY2(r.status == 422 || r.status == 400, r.body.constData());
        QCOMPARE(test::errorField(r), field);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM orders")), 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM cloudpod_pending_passwords")), 0);
    }

    // Quantity 3: three pods with their own names, addresses and VMIDs, once, however many
    // activations race and however often their jobs run; suspend and terminate reach all three.
    void quantityThreeMakesThreePodsOnce()
    {
        const auto ordered =
            order(m_lxcProduct, 3,
                  {{QStringLiteral("ssh_public_keys"), m_key1}, {QStringLiteral("root_password"), true}},
                  QStringLiteral("web"));
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        QCOMPARE(str(ordered.json(), "amount_due"), QStringLiteral("15.00")); // billed once per unit
        const QString password = ordered.json()
                                     .value(QStringLiteral("access"))
                                     .toObject()
                                     .value(QStringLiteral("root_password"))
                                     .toString();
        const QString subscription = pay(ordered);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM cloud_pods")), 3);

        // Six more activations at once, each on its own connection, as raced webhooks would.
        auto request =
            provisioning::ServiceRequest{subscription,
                                         m_customer,
                                         m_lxcProduct,
                                         QStringLiteral("cloudpod"),
                                         m_api.text(QStringLiteral("SELECT order_item_id::text FROM "
                                                                   "subscriptions WHERE id = ?::uuid"),
                                                    {subscription}),
                                         3};
        QCOMPARE(test::raceActivations(m_api.db(), m_tenant, request, 6), 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM cloud_pods")), 3);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'cloudpod.provision'")),
                 3);

        // The first create of unit 2 fails after Proxmox started it: its job is retried.
        m_pve->failNext(ProxmoxEmulator::Step::Create, ProxmoxEmulator::Fault::AnswerLost);
        startEngine(4);
        QTRY_COMPARE_WITH_TIMEOUT(
            states(subscription),
            (QStringList{QStringLiteral("active"), QStringLiteral("active"), QStringLiteral("active")}),
            30000);
        // A retried job of an active pod changes nothing.
        const QString firstPod = m_api.text(QStringLiteral("SELECT id::text FROM cloud_pods WHERE unit = 1"));
        JobSpec again;
        again.tenantId = m_tenant;
        again.kind = cloudpods::kinds::provision;
        again.payload = {{QStringLiteral("pod_id"), firstPod}};
        QVERIFY(Jobs::enqueue(m_api.db(), again).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE status NOT IN ('completed')")), 0,
            20000);

        const QJsonArray pods = podsOf(subscription);
        QCOMPARE(pods.size(), 3);
        QSet<QString> names, addresses;
        QSet<qint64> vmids;
        for (const QJsonValue &v : pods) {
            const QJsonObject p = v.toObject();
            names << str(p, "name");
            addresses << str(p, "address");
            vmids << p.value(QStringLiteral("vmid")).toInteger();
            QCOMPARE(m_pve->guest(p.value(QStringLiteral("vmid")).toInteger())->password, password);
        }
        QCOMPARE(names,
                 (QSet<QString>{QStringLiteral("web"), QStringLiteral("web-2"), QStringLiteral("web-3")}));
        QCOMPARE(addresses.size(), 3);
        QCOMPARE(vmids.size(), 3);
        int guests = 0;
        for (const auto &g : m_pve->guests())
            guests += g.isTemplate ? 0 : 1;
        QCOMPARE(guests, 3);
        QCOMPARE(rowsHolding(password), 0);
        QVERIFY(!logged(password));

        // The customer sees the real state of each, without the staff-only parts.
        const auto mine =
            m_api.call("GET", QStringLiteral("/api/subscriptions/") + subscription, m_customerToken);
        const QJsonArray seen = mine.json()
                                    .value(QStringLiteral("provisioning"))
                                    .toObject()
                                    .value(QStringLiteral("services"))
                                    .toArray();
        QCOMPARE(seen.size(), 3);
        QVERIFY(!seen.first().toObject().contains(QStringLiteral("node")));

        for (const auto &[step, want] :
             {std::pair{&provisioning::onSuspended, QStringLiteral("suspended")},
              std::pair{&provisioning::onUnsuspended, QStringLiteral("active")},
              std::pair{&provisioning::onTerminated, QStringLiteral("terminated")}}) {
            auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
            QVERIFY(tx.ok());
            QVERIFY(step(tx.value(), request, QDateTime::currentDateTimeUtc()).ok());
            QVERIFY(tx->commit().ok());
            QTRY_COMPARE_WITH_TIMEOUT(states(subscription), (QStringList{want, want, want}), 30000);
        }
        guests = 0;
        for (const auto &g : m_pve->guests())
            guests += g.isTemplate ? 0 : 1;
        QCOMPARE(guests, 0);
    }

    // Keys saved on the profile: checked, listed, removed, and given to every pod ordered later.
    void savedKeys()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/ssh-keys"), m_customerToken,
                            {{QStringLiteral("name"), QStringLiteral("laptop")},
                             {QStringLiteral("public_key"), QStringLiteral("ssh-ed25519 not-base64!")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("public_key"));
        r = m_api.call(
            "POST", QStringLiteral("/api/ssh-keys"), m_customerToken,
            {{QStringLiteral("name"), QStringLiteral("laptop")}, {QStringLiteral("public_key"), m_key2}});
        QCOMPARE(r.status, 201);
        const QString keyId = str(r.json(), "id");
        QVERIFY(str(r.json(), "fingerprint").startsWith(QLatin1String("SHA256:")));
        r = m_api.call(
            "POST", QStringLiteral("/api/ssh-keys"), m_customerToken,
            {{QStringLiteral("name"), QStringLiteral("again")}, {QStringLiteral("public_key"), m_key2}});
        QCOMPARE(r.status, 409);
        QCOMPARE(test::errorField(r), QStringLiteral("public_key"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/ssh-keys"), m_customerToken)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
        // Staff say whose keys; another customer neither sees nor removes them.
        r = m_api.call("GET", QStringLiteral("/api/ssh-keys"), m_staff);
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("customer_id"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/ssh-keys?customer_id=") + m_customer, m_staff)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
        const QString bob =
            m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@example.com")).first;
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/ssh-keys"), bob)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/ssh-keys/") + keyId, bob).status, 404);

        // An order without options: the saved key, and no password since there is a key.
        const auto ordered = order(m_lxcProduct, 1);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        QVERIFY(!ordered.json().contains(QStringLiteral("access")));
        const QString subscription = pay(ordered);
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(states(subscription), QStringList{QStringLiteral("active")}, 20000);
        const qint64 vmid = podsOf(subscription).first().toObject().value(QStringLiteral("vmid")).toInteger();
        QCOMPARE(m_pve->guest(vmid)->sshKeys, m_key2);
        QVERIFY(m_pve->guest(vmid)->password.isEmpty());
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/ssh-keys/") + keyId, m_customerToken).status, 200);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM customer_ssh_keys")), 0);
    }

    // A VM's password through the guest agent, asked by the customer and each staff role that may;
    // a container is refused clearly.
    void resetPassword()
    {
        const auto vmOrder = order(m_vmProduct, 1, {{QStringLiteral("ssh_public_keys"), m_key1}});
        const auto ctOrder = order(m_lxcProduct, 1, {{QStringLiteral("ssh_public_keys"), m_key1}});
        const QString vmSub = pay(vmOrder);
        const QString ctSub = pay(ctOrder);
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(states(vmSub) + states(ctSub),
                                  (QStringList{QStringLiteral("active"), QStringLiteral("active")}), 20000);
        const QJsonObject vm = podsOf(vmSub).first().toObject();
        const QJsonObject ct = podsOf(ctSub).first().toObject();
        const QString path = QStringLiteral("/api/cloudpods/%1/reset-password");

        auto r = m_api.call("POST", path.arg(str(ct, "id")), m_customerToken);
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorCode(r), QStringLiteral("cloudpod_reset_unsupported"));
        QCOMPARE(test::errorField(r), QStringLiteral("guest_kind"));

        const QString bob =
            m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@example.com")).first;
        QCOMPARE(m_api.call("POST", path.arg(str(vm, "id")), bob).status, 404);
        QCOMPARE(m_api.call("POST", path.arg(str(vm, "id")), m_api.staffToken(m_tenant, StaffRole::Billing))
                     .status,
                 403);
        QCOMPARE(m_api.call("POST", path.arg(str(vm, "id")), m_api.staffToken(m_tenant, StaffRole::ReadOnly))
                     .status,
                 403);

        const qint64 vmid = vm.value(QStringLiteral("vmid")).toInteger();
        const QList<QPair<QString, QString>> callers{
            {QStringLiteral("customer"), m_customerToken},
            {QStringLiteral("owner"), m_api.staffToken(m_tenant, StaffRole::Owner)},
            {QStringLiteral("admin"), m_api.staffToken(m_tenant, StaffRole::Admin)},
            {QStringLiteral("support"), m_api.staffToken(m_tenant, StaffRole::Support)}};
        for (const auto &[who, token] : callers) {
            const int before = m_pve->guest(vmid)->passwordResets;
            r = m_api.call("POST", path.arg(str(vm, "id")), token);
            QVERIFY2(r.status == 202, qPrintable(who + u' ' + QString::fromUtf8(r.body)));
            const QString password = str(r.json(), "root_password");
            QCOMPARE(str(r.json(), "user"), QStringLiteral("admin"));
            QTRY_COMPARE_WITH_TIMEOUT(m_pve->guest(vmid)->passwordResets, before + 1, 20000);
            QCOMPARE(m_pve->guest(vmid)->userPasswords.value(QStringLiteral("admin")), password);
            QTRY_COMPARE_WITH_TIMEOUT(rowsHolding(password), 0, 10000);
            QVERIFY(!logged(password));
        }
    }

    // Reinstall keeps the name, VMID, address and keys; the confirmation must name the pod.
    void reinstall()
    {
        const auto ctOrder =
            order(m_lxcProduct, 1, {{QStringLiteral("ssh_public_keys"), m_key1}}, QStringLiteral("box"));
        const auto vmOrder =
            order(m_vmProduct, 1, {{QStringLiteral("ssh_public_keys"), m_key1}}, QStringLiteral("vm"));
        const QString ctSub = pay(ctOrder);
        const QString vmSub = pay(vmOrder);
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(states(ctSub) + states(vmSub),
                                  (QStringList{QStringLiteral("active"), QStringLiteral("active")}), 20000);
        for (const QString &subscription : {ctSub, vmSub}) {
            const QJsonObject before = podsOf(subscription).first().toObject();
            const QString path = QStringLiteral("/api/cloudpods/%1/reinstall").arg(str(before, "id"));
            const qint64 vmid = before.value(QStringLiteral("vmid")).toInteger();
            auto r = m_api.call("POST", path, m_customerToken,
                                {{QStringLiteral("confirm"), QStringLiteral("other")}});
            QCOMPARE(r.status, 422);
            QCOMPARE(test::errorField(r), QStringLiteral("confirm"));
            QCOMPARE(m_api
                         .call("POST", path, m_api.staffToken(m_tenant, StaffRole::Billing),
                               {{QStringLiteral("confirm"), str(before, "name")}})
                         .status,
                     403);
            const int creates = m_pve->createRequests();
            m_pve->guest(vmid); // the old guest
            r = m_api.call(
                "POST", path, m_api.staffToken(m_tenant, StaffRole::Support),
                {{QStringLiteral("confirm"), str(before, "name")}, {QStringLiteral("root_password"), true}});
            QVERIFY2(r.status == 202, r.body.constData());
            const QString password = str(r.json(), "root_password");
            QCOMPARE(password.size(), 20);
            QTRY_COMPARE_WITH_TIMEOUT(m_pve->createRequests(), creates + 1, 20000);
            QTRY_COMPARE_WITH_TIMEOUT(states(subscription), QStringList{QStringLiteral("active")}, 20000);
            const QJsonObject after = podsOf(subscription).first().toObject();
            QCOMPARE(after.value(QStringLiteral("vmid")).toInteger(), vmid);
            QCOMPARE(str(after, "name"), str(before, "name"));
            QCOMPARE(str(after, "address"), str(before, "address"));
            const auto guest = m_pve->guest(vmid);
            QVERIFY(guest.has_value());
            QCOMPARE(guest->password, password);
            QCOMPARE(guest->sshKeys, m_key1);
            QCOMPARE(guest->status, QStringLiteral("running"));
            QCOMPARE(rowsHolding(password), 0);
            QVERIFY(!logged(password));
        }
    }
};

QTEST_MAIN(TestCloudPodAccess)
#include "tst_cloudpod_access.moc"
