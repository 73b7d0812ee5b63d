// CloudPods end to end inside one process (API, job engine, HTTPS Proxmox emulator) and through
// real mpanel-service processes: provisioning, a failure at every step followed by a retry that
// never makes a second guest, a service killed between "create sent" and "create recorded",
// concurrent provisioning that never shares an address, suspend / unsuspend / terminate,
// reconciliation findings, the subscription lifecycle seam, and who may see which pod.
#include "cloudpods/cloud_pod.h"
#include "db/tenant_transaction.h"
#include "emulators/proxmox_emulator.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "module/service_lifecycle.h"
#include "support/pod_cluster.h"
#include "support/service_fixture.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>

#include <csignal>

using namespace mp;
using mp::test::ProxmoxEmulator;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestCloudPods : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    std::unique_ptr<ProxmoxEmulator> m_pve;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_cluster, m_customer, m_customerToken, m_template;
    QTemporaryDir m_dataDir;
    int m_counter = 0;

    void startEngine(int workers = 2)
    {
        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = workers;
        o.batchSize = 1;
        o.pollIntervalMs = 100;
        o.runSchedules = false;
        // Far enough that a failed attempt waits for the test's explicit retry.
        o.backoffBaseSeconds = 600;
        o.backoffCapSeconds = 600;
        m_engine = std::make_unique<JobEngine>(o);
        QVERIFY(m_engine->start().ok());
    }

    QJsonObject pod(const QString &id, const QString &token = {})
    {
        const auto r =
            m_api.call("GET", QStringLiteral("/api/cloudpods/") + id, token.isEmpty() ? m_staff : token);
        return r.json();
    }
    QString status(const QString &id) { return str(pod(id), "status"); }

    QString createPod(const QString &hostname = {})
    {
        QJsonObject body{{QStringLiteral("customer_id"), m_customer},
                         {QStringLiteral("template_id"), m_template}};
        if (!hostname.isEmpty())
            body.insert(QStringLiteral("hostname"), hostname);
        const auto r = m_api.call("POST", QStringLiteral("/api/cloudpods"), m_staff, body);
        if (r.status != 201)
            qFatal("create pod: %d %s", r.status, r.body.constData());
        return str(r.json(), "id");
    }

    int guestsOf(const QString &podId)
    {
        return int(m_pve->guestsTagged(cloudpods::CloudPod::podTag(podId)).size());
    }

    std::unique_ptr<QProcess> startService()
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MPANEL_DATABASE_URL"),
                   test::TestCluster::instance().url(m_api.settings().database));
        env.insert(QStringLiteral("MPANEL_DATA_DIR"), m_dataDir.path());
        env.insert(QStringLiteral("MPANEL_JOB_HEARTBEAT_TIMEOUT_MS"), QStringLiteral("1200"));
        env.insert(QStringLiteral("MPANEL_JOB_POLL_MS"), QStringLiteral("200"));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(MPANEL_SERVICE_BINARY), {QStringLiteral("serve"), QStringLiteral("--no-http"),
                                                         QStringLiteral("--workers"), QStringLiteral("1")});
        if (!p->waitForStarted(10000))
            qFatal("mpanel-service did not start");
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_PROXMOX_TIMEOUT_MS", "1500");
        qputenv("MPANEL_PROXMOX_TASK_POLL_MS", "50");
        qputenv("MPANEL_PROXMOX_TASK_TIMEOUT_MS", "8000");
        qputenv("MPANEL_PROXMOX_RETRY_DELAY_MS", "50");
        qputenv("MPANEL_LOG", "off");
    }

    void init()
    {
        m_api.start(QStringLiteral("cloudpods-%1").arg(++m_counter));
        m_tenant = m_api.tenant(QStringLiteral("Pods Co"));
        m_staff = m_api.staffToken(m_tenant);
        m_pve = std::make_unique<ProxmoxEmulator>();
        m_pve->setTaskDurationMs(100);
        m_pve->setAuthFailureDelayMs(0);
        QVERIFY(m_pve->start().ok());

        const test::PodCluster cluster = test::registerPodCluster(m_api, m_staff, *m_pve);
        QVERIFY2(!cluster.id.isEmpty(), qPrintable(cluster.failure));
        QCOMPARE(cluster.poolAddresses, 31);
        m_cluster = cluster.id;

        const auto signup =
            m_api.call("POST", QStringLiteral("/api/auth/signup"), {},
                       {{QStringLiteral("tenant_id"), m_tenant},
                        {QStringLiteral("name"), QStringLiteral("Alice")},
                        {QStringLiteral("email"), QStringLiteral("alice@example.com")},
                        {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        QCOMPARE(signup.status, 201);
        m_customerToken = str(signup.json(), "access_token");
        auto q = sql::exec(
            m_api.db(), QStringLiteral("SELECT id::text FROM customers WHERE email = 'alice@example.com'"));
        QVERIFY(q && q->next());
        m_customer = q->value(0).toString();
        q = sql::exec(
            m_api.db(),
            QStringLiteral(
                "SELECT id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid AND name = 'Mini'"),
            {m_tenant});
        QVERIFY(q && q->next());
        m_template = q->value(0).toString();
    }

    void cleanup()
    {
        if (m_engine)
            m_engine->stop(2000);
        m_engine.reset();
        m_pve.reset();
    }

    void secretIsWriteOnly()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/proxmox/clusters/") + m_cluster, m_staff);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains(m_pve->tokenSecret().toUtf8()));
        QCOMPARE(r.json().value(QStringLiteral("token_secret_set")).toBool(), true);
        const auto bad = m_api.call("POST", QStringLiteral("/api/proxmox/clusters"), m_staff,
                                    {{QStringLiteral("name"), QStringLiteral("x")},
                                     {QStringLiteral("api_base"), QStringLiteral("http://plain/api2/json")},
                                     {QStringLiteral("token_id"), QStringLiteral("a@pve!b")},
                                     {QStringLiteral("token_secret"), QStringLiteral("s")}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(test::errorField(bad), QStringLiteral("api_base"));
    }

    void provisionsAPod()
    {
        startEngine();
        const QString id = createPod(QStringLiteral("web1"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        const QJsonObject p = pod(id);
        QCOMPARE(str(p, "address"), QStringLiteral("10.20.0.10"));
        QCOMPARE(str(p, "node"), QStringLiteral("pve1"));
        QCOMPARE(str(p, "hostname"), QStringLiteral("web1"));
        QCOMPARE(p.value(QStringLiteral("template")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Mini"));
        QCOMPARE(guestsOf(id), 1);
        const auto guest = m_pve->guestsTagged(cloudpods::CloudPod::podTag(id)).first();
        QCOMPARE(guest.status, QStringLiteral("running"));
        QCOMPARE(guest.cores, 1);
        QCOMPARE(guest.memoryMiB, 1024);
        QCOMPARE(guest.diskGiB, 20);
        QVERIFY(guest.net0.contains(QStringLiteral("ip=10.20.0.10/24")));
        const QJsonArray jobs = p.value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(str(jobs.first().toObject(), "status"), QStringLiteral("completed"));
        QVERIFY(!jobs.first().toObject().value(QStringLiteral("log")).toArray().isEmpty());
        // The node's committed resources.
        const auto nodes = m_api.call("GET", QStringLiteral("/api/proxmox/nodes"), m_staff).json();
        const QJsonObject committed = nodes.value(QStringLiteral("items"))
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(QStringLiteral("committed"))
                                          .toObject();
        QCOMPARE(committed.value(QStringLiteral("ram_mb")).toInt(), 1024);
        QCOMPARE(committed.value(QStringLiteral("pods")).toInt(), 1);
    }

    void failureAtEachStepThenRetry_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("says");
        QTest::newRow("resources 500") << "resources"
                                       << "http-500"
                                       << "listing the guests";
        QTest::newRow("nextid 500") << "nextid"
                                    << "http-500"
                                    << "free VMID";
        QTest::newRow("create 500") << "create"
                                    << "http-500"
                                    << "node 'pve1'";
        QTest::newRow("create task error") << "create"
                                           << "task-error"
                                           << "node 'pve1'";
        QTest::newRow("create no answer") << "create"
                                          << "timeout"
                                          << "node 'pve1'";
        QTest::newRow("create answer lost") << "create"
                                            << "answer-lost"
                                            << "node 'pve1'";
        QTest::newRow("create answer never") << "create"
                                             << "answer-never"
                                             << "node 'pve1'";
        // A hung task keeps its guest locked, so the retry fails again, but waits for it rather
        // than creating another (checked below).
        QTest::newRow("create task never ends") << "create"
                                                << "task-never-ends"
                                                << "node 'pve1'";
        QTest::newRow("start 500") << "start"
                                   << "http-500"
                                   << "starting guest";
        QTest::newRow("start task error") << "start"
                                          << "task-error"
                                          << "starting guest";
        QTest::newRow("task status 500") << "task-status"
                                         << "http-500"
                                         << "node 'pve1'";
    }

    void failureAtEachStepThenRetry()
    {
        QFETCH(QString, step);
        QFETCH(QString, fault);
        QFETCH(QString, says);
        // Polls are retried (GET), so a task-status fault needs more than one in a row.
        const int count = step == QLatin1String("task-status") || step == QLatin1String("resources") ? 6 : 1;
        m_pve->failNext(*ProxmoxEmulator::stepFromName(step), *ProxmoxEmulator::faultFromName(fault), count);
        if (fault == QLatin1String("task-never-ends"))
            qputenv("MPANEL_PROXMOX_TASK_TIMEOUT_MS", "1500");
        startEngine();
        const QString id = createPod();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("error"), 20000);
        qputenv("MPANEL_PROXMOX_TASK_TIMEOUT_MS", "8000");
        const QString error = str(pod(id), "last_error");
        QVERIFY2(error.contains(says), qPrintable(error));
        m_pve->clearFaults();

        const auto retry = m_api.call("POST", QStringLiteral("/api/cloudpods/%1/retry").arg(id), m_staff);
        QCOMPARE(retry.status, 202);
        if (fault == QLatin1String("task-never-ends")) {
            QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("error"), 30000);
            QVERIFY2(str(pod(id), "last_error").contains(QStringLiteral("still locked")),
                     qPrintable(str(pod(id), "last_error")));
            QCOMPARE(m_pve->createRequests(), 1);
            QCOMPARE(guestsOf(id), 1);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        QCOMPARE(guestsOf(id), 1);
        QCOMPARE(m_pve->guests().size(), 1);
        QVERIFY(str(pod(id), "last_error").isEmpty());
        // An active pod cannot be retried.
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/retry").arg(id), m_staff).status, 409);
    }

    // The worker process dies while Proxmox is creating the container: the create was sent,
    // nothing recorded that it succeeded. The next process finds the tagged guest and adopts it.
    void killedServiceAdoptsTheGuest()
    {
        m_pve->setTaskDurationMs(QStringLiteral("vzcreate"), 2500);
        const QString id = createPod(QStringLiteral("crash1"));
        auto first = startService();
        QTRY_COMPARE_WITH_TIMEOUT(m_pve->createRequests(), 1, 20000);
        QTest::qWait(200);
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(5000));
        QCOMPARE(status(id), QStringLiteral("provisioning"));

        auto second = startService();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 30000);
        QCOMPARE(m_pve->createRequests(), 1);
        QCOMPARE(guestsOf(id), 1);
        QCOMPARE(m_pve->guests().size(), 1);
        const QJsonArray jobs = pod(id).value(QStringLiteral("jobs")).toArray();
        QString log;
        for (const QJsonValue &line : jobs.first().toObject().value(QStringLiteral("log")).toArray())
            log += line.toObject().value(QStringLiteral("line")).toString() + u'\n';
        QVERIFY2(log.contains(QStringLiteral("adopted guest")), qPrintable(log));
        ::kill(pid_t(second->processId()), SIGTERM);
        QVERIFY(second->waitForFinished(15000));
    }

    void concurrentPodsNeverShareAnAddress()
    {
        startEngine(4);
        QStringList ids;
        for (int i = 0; i < 8; ++i)
            ids << createPod();
        for (const QString &id : std::as_const(ids))
            QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 40000);
        QSet<QString> addresses;
        QSet<qint64> vmids;
        for (const QString &id : std::as_const(ids)) {
            const QJsonObject p = pod(id);
            addresses.insert(str(p, "address"));
            vmids.insert(p.value(QStringLiteral("vmid")).toInteger());
            QCOMPARE(guestsOf(id), 1);
        }
        QCOMPARE(addresses.size(), 8);
        QCOMPARE(vmids.size(), 8);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM ip_addresses WHERE pod_id IS NOT NULL")),
                 8);
    }

    // Many transactions take addresses at the same moment: SKIP LOCKED hands each a different one.
    void addressAllocationRace()
    {
        startEngine(4);
        const QString a = createPod(), b = createPod(), c = createPod(), d = createPod();
        for (const QString &id : {a, b, c, d})
            QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 30000);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(DISTINCT ip_address) FROM cloud_pods")), 4);
        QCOMPARE(m_api.scalar(QStringLiteral(
                     "SELECT count(*) FROM (SELECT address FROM ip_addresses WHERE pod_id IS NOT NULL "
                     "GROUP BY pool_id, address HAVING count(*) > 1) x")),
                 0);
    }

    void suspendUnsuspendTerminate()
    {
        startEngine();
        const QString id = createPod();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        const qint64 vmid = pod(id).value(QStringLiteral("vmid")).toInteger();

        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/suspend").arg(id), m_staff).status,
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("suspended"), 20000);
        QCOMPARE(m_pve->guest(vmid)->status, QStringLiteral("stopped"));
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/unsuspend").arg(id), m_staff).status,
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        QCOMPARE(m_pve->guest(vmid)->status, QStringLiteral("running"));

        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/terminate").arg(id), m_staff).status,
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("terminated"), 20000);
        QVERIFY(!m_pve->guest(vmid).has_value());
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM ip_addresses WHERE pod_id IS NOT NULL")),
                 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM node_allocations")), 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM proxmox_vmid_reservations")), 0);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/suspend").arg(id), m_staff).status,
                 409);
        // The released address goes to the next pod.
        const QString next = createPod();
        QTRY_COMPARE_WITH_TIMEOUT(status(next), QStringLiteral("active"), 20000);
        QCOMPARE(str(pod(next), "address"), QStringLiteral("10.20.0.10"));
    }

    // Power jobs of the pod that are still to run or running.
    qint64 pendingPowerJobs(const QString &id)
    {
        return m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE related_id = ? AND kind = "
                                           "'cloudpod.power' AND status IN ('queued', 'running', 'failed')"),
                            {id});
    }

    bool stopSent(qint64 vmid)
    {
        const QString path = QStringLiteral("/status/stop");
        for (const auto &r : m_pve->requests())
            if (r.method == QLatin1String("POST") && r.path.endsWith(path) &&
                r.path.contains(QStringLiteral("/%1/").arg(vmid)))
                return true;
        return false;
    }

    // Unsuspend while the suspend's job is stopping the guest: the unsuspend must not be lost
    // when that job finishes (the unique key folded it into the running job).
    void unsuspendWhilePowerJobRuns()
    {
        startEngine();
        const QString id = createPod();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        const qint64 vmid = pod(id).value(QStringLiteral("vmid")).toInteger();
        m_pve->setTaskDurationMs(QStringLiteral("vzstop"), 1500); // holds the stop task
        m_pve->clearRequests();

        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/suspend").arg(id), m_staff).status,
                 202);
        QTRY_VERIFY_WITH_TIMEOUT(stopSent(vmid), 10000);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE related_id = ? AND kind = "
                                             "'cloudpod.power' AND status = 'running'"),
                              {id}),
                 1);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/unsuspend").arg(id), m_staff).status,
                 202);

        QTRY_COMPARE_WITH_TIMEOUT(pendingPowerJobs(id), 0, 20000);
        QCOMPARE(status(id), QStringLiteral("active"));
        QCOMPARE(m_pve->guest(vmid)->status, QStringLiteral("running"));
        QCOMPARE(guestsOf(id), 1);
        QCOMPARE(m_pve->createRequests(), 1);
        // One job row: the suspend's job ran once more for the unsuspend, no second job.
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE related_id = ? AND kind = "
                                             "'cloudpod.power'"),
                              {id}),
                 1);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM job_log l JOIN jobs j ON j.id = l.job_id "
                                             "WHERE j.related_id = ? AND l.line LIKE 'asked for again%'"),
                              {id}),
                 1);
    }

    // Staff flip a pod back and forth while its power jobs run, with the engine finishing jobs
    // at any moment between the requests: the pod ends in the state asked for last, on one guest.
    void powerFlipsEndInTheLastWish()
    {
        startEngine(3);
        const QString id = createPod();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        const qint64 vmid = pod(id).value(QStringLiteral("vmid")).toInteger();
        m_pve->setTaskDurationMs(QStringLiteral("vzstop"), 120);
        m_pve->setTaskDurationMs(QStringLiteral("vzstart"), 120);
        for (int round = 0; round < 4; ++round) {
            bool suspend = true;
            for (int i = 0; i < 7 + round; ++i, suspend = !suspend) {
                const auto action = suspend ? QStringLiteral("suspend") : QStringLiteral("unsuspend");
                QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/%2").arg(id, action), m_staff)
                             .status,
                         202);
                QTest::qWait(40 + 37 * ((i * 7 + round) % 5));
            }
            const bool wantSuspended = !suspend;
            QTRY_COMPARE_WITH_TIMEOUT(pendingPowerJobs(id), 0, 30000);
            QCOMPARE(status(id), wantSuspended ? QStringLiteral("suspended") : QStringLiteral("active"));
            QCOMPARE(m_pve->guest(vmid)->status,
                     wantSuspended ? QStringLiteral("stopped") : QStringLiteral("running"));
        }
        QCOMPARE(guestsOf(id), 1);
        QCOMPARE(m_pve->createRequests(), 1);
        QCOMPARE(m_api.scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM jobs WHERE related_id = ? AND status NOT IN ('completed')"),
                     {id}),
                 0);
    }

    // What subscriptions call, inside their transaction: a pod and its job, once.
    void subscriptionLifecycle()
    {
        const QString product = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_api.exec(QStringLiteral("INSERT INTO products (id, tenant_id, type, name, template_id) "
                                  "VALUES (?::uuid, ?::uuid, 'cloudpod', 'Pod Mini', ?::uuid)"),
                   {product, m_tenant, m_template});
        provisioning::ServiceRequest request;
        request.subscriptionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        request.customerId = m_customer;
        request.productId = product;
        request.productType = QStringLiteral("cloudpod");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 2; ++i) {
            auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
            QVERIFY(tx.ok());
            QVERIFY(provisioning::onActivated(tx.value(), request, now).ok());
            QVERIFY(tx->commit().ok());
        }
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM cloud_pods")), 1);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'cloudpod.provision'")),
                 1);
        {
            provisioning::ServiceRequest other = request;
            other.productType = QStringLiteral("other");
            auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
            QVERIFY(provisioning::onTerminated(tx.value(), other, now).ok()); // not a pod: nothing
            QVERIFY(tx->commit().ok());
        }
        startEngine();
        auto podRow = sql::exec(m_api.db(), QStringLiteral("SELECT id::text FROM cloud_pods"));
        QVERIFY(podRow && podRow->next());
        const QString id = podRow->value(0).toString();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        {
            auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
            QVERIFY(provisioning::onSuspended(tx.value(), request, now).ok());
            QVERIFY(tx->commit().ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("suspended"), 20000);
        {
            auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
            QVERIFY(provisioning::onTerminated(tx.value(), request, now).ok());
            QVERIFY(tx->commit().ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("terminated"), 20000);
        QCOMPARE(m_pve->guests().size(), 0);
    }

    // Checkout keeps the host name a customer chose for a CloudPod line; activation uses it.
    void checkoutHostname()
    {
        const QString product = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_api.exec(QStringLiteral("INSERT INTO products (id, tenant_id, type, name, template_id) "
                                  "VALUES (?::uuid, ?::uuid, 'cloudpod', 'Pod Mini', ?::uuid)"),
                   {product, m_tenant, m_template});
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                       "VALUES (?::uuid, ?::uuid, 'monthly', 'EUR', 500)"),
                   {m_tenant, product});
        QJsonObject body{{QStringLiteral("product_id"), product},
                         {QStringLiteral("cycle"), QStringLiteral("monthly")},
                         {QStringLiteral("currency"), QStringLiteral("EUR")},
                         {QStringLiteral("hostname"), QStringLiteral("bad host")}};
        auto r = m_api.call("POST", QStringLiteral("/api/checkout"), m_customerToken, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("hostname"));
        body.insert(QStringLiteral("hostname"), QStringLiteral("Shop1"));
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_customerToken, body);
        QCOMPARE(r.status, 201);
        auto item = sql::exec(m_api.db(), QStringLiteral("SELECT id::text, hostname FROM order_items"));
        QVERIFY(item && item->next());
        QCOMPARE(item->value(1).toString(), QStringLiteral("shop1"));
        provisioning::ServiceRequest request;
        request.subscriptionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        request.customerId = m_customer;
        request.productId = product;
        request.productType = QStringLiteral("cloudpod");
        request.orderItemId = item->value(0).toString();
        auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
        QVERIFY(provisioning::onActivated(tx.value(), request, QDateTime::currentDateTimeUtc()).ok());
        QVERIFY(tx->commit().ok());
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM cloud_pods WHERE hostname = 'shop1'")), 1);
    }

    void reconciliationReportsAndNeverDeletes()
    {
        startEngine();
        const QString id = createPod();
        const QString gone = createPod();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("active"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(status(gone), QStringLiteral("active"), 20000);
        m_pve->removeGuest(pod(gone).value(QStringLiteral("vmid")).toInteger());
        ProxmoxEmulator::Guest stray;
        stray.vmid = 900;
        stray.name = QStringLiteral("stray");
        stray.tags = {QStringLiteral("mpanel"),
                      cloudpods::CloudPod::podTag(QUuid::createUuid().toString(QUuid::WithoutBraces))};
        m_pve->addGuest(stray);
        ProxmoxEmulator::Guest foreign; // not mPanel's business
        foreign.vmid = 901;
        foreign.name = QStringLiteral("someone-elses");
        m_pve->addGuest(foreign);

        for (int run = 0; run < 2; ++run) {
            JobSpec spec;
            spec.tenantId = m_tenant;
            spec.kind = cloudpods::kinds::reconcile;
            auto job = Jobs::enqueue(m_api.db(), spec);
            QVERIFY(job.ok());
            QTRY_COMPARE_WITH_TIMEOUT(toString(Jobs::find(m_api.db(), job->id)->status),
                                      toString(JobStatus::Completed), 20000);
        }
        // Staff may ask for a run now; customers may not.
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpod-findings/check"), m_customerToken).status,
                 403);
        const auto check = m_api.call("POST", QStringLiteral("/api/cloudpod-findings/check"), m_staff);
        QCOMPARE(check.status, 202);
        const qint64 checkJob = check.json().value(QStringLiteral("job_id")).toInteger();
        QVERIFY(check.json().value(QStringLiteral("created")).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(toString(Jobs::find(m_api.db(), checkJob)->status),
                                  toString(JobStatus::Completed), 20000);
        QCOMPARE(Jobs::find(m_api.db(), checkJob)->kind, cloudpods::kinds::reconcile);
        const QJsonArray findings = m_api.call("GET", QStringLiteral("/api/cloudpod-findings"), m_staff)
                                        .json()
                                        .value(QStringLiteral("items"))
                                        .toArray();
        QCOMPARE(findings.size(), 2);
        QSet<QString> kinds;
        for (const QJsonValue &f : findings) {
            kinds.insert(str(f.toObject(), "kind"));
            if (str(f.toObject(), "kind") == QLatin1String("guest_missing"))
                QCOMPARE(str(f.toObject(), "pod_id"), gone);
            else
                QCOMPARE(f.toObject().value(QStringLiteral("vmid")).toInt(), 900);
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("orphan_guest"), QStringLiteral("guest_missing")}));
        QVERIFY(m_pve->guest(900).has_value()); // reported, not deleted
        QVERIFY(m_pve->guest(901).has_value());
        QCOMPARE(status(gone), QStringLiteral("active"));
    }

    void scoping()
    {
        const QString id = createPod();
        // The customer sees its own pod, not the staff-only parts of the API.
        auto r = m_api.call("GET", QStringLiteral("/api/cloudpods"), m_customerToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/cloudpods/") + id, m_customerToken).status, 200);
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/cloudpods/%1/retry").arg(id), m_customerToken).status,
            403);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/proxmox/clusters"), m_customerToken).status, 403);
        // Another customer of the same tenant sees nothing of it.
        const auto bob = m_api.call("POST", QStringLiteral("/api/auth/signup"), {},
                                    {{QStringLiteral("tenant_id"), m_tenant},
                                     {QStringLiteral("name"), QStringLiteral("Bob")},
                                     {QStringLiteral("email"), QStringLiteral("bob@example.com")},
                                     {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        const QString bobToken = str(bob.json(), "access_token");
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/cloudpods"), bobToken)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/cloudpods/") + id, bobToken).status, 404);
        // Another tenant's staff neither.
        const QString other = m_api.tenant(QStringLiteral("Other Co"));
        const QString otherStaff = m_api.staffToken(other);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/cloudpods/") + id, otherStaff).status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/cloudpods"), otherStaff)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/proxmox/clusters/") + m_cluster, otherStaff).status,
                 404);
        // Read-only staff cannot create.
        const QString readOnly = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/cloudpods"), readOnly,
                           {{QStringLiteral("customer_id"), m_customer},
                            {QStringLiteral("template_id"), m_template}})
                     .status,
                 403);
        // Bad input names its field.
        r = m_api.call("POST", QStringLiteral("/api/cloudpods"), m_staff,
                       {{QStringLiteral("customer_id"), m_customer},
                        {QStringLiteral("template_id"), m_template},
                        {QStringLiteral("hostname"), QStringLiteral("not_a host")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("hostname"));
        r = m_api.call("GET", QStringLiteral("/api/cloudpods?status=bogus"), m_staff);
        QCOMPARE(r.status, 400);
        QCOMPARE(test::errorField(r), QStringLiteral("status"));
    }
};

QTEST_MAIN(TestCloudPods)
#include "tst_cloudpods.moc"
