// Provisioning scripts: a CloudPod template's post-install script runs once on the new guest over
// SSH (libssh), with a key mPanel makes for the pod and installs at create. The guest's sshd is a
// real OpenSSH server on loopback (tests/servers/sshd: its own host key, authorized_keys and HOME);
// the test plays cloud-init and copies the keys the Proxmox emulator's create call carried into
// its authorized_keys. The script's output is in the job log, a failing script fails the step
// readably, a repeated job does not run it again (staff can ask), and the customer can take
// mPanel's key off the guest.
#include "db/sql.h"
#include "emulators/proxmox_emulator.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "support/pod_cluster.h"
#include "support/script_server.h"
#include "support/service_fixture.h"

#include <QFile>
#include <QSqlQuery>
#include <QUuid>

using namespace mp;
using mp::test::ProxmoxEmulator;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kGuestAddress = QStringLiteral("127.0.0.10");
const QString kCustomerKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@example.com");

} // namespace

class TestProvisioningScripts : public QObject {
    Q_OBJECT

    test::ScriptServer m_sshd{QStringLiteral("sshd")};
    test::ServiceFixture m_api;
    std::unique_ptr<ProxmoxEmulator> m_pve;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_customerToken, m_product, m_template;
    int m_counter = 0;

    void startEngine()
    {
        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = 2;
        o.batchSize = 1;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        o.backoffBaseSeconds = 0.2;
        o.backoffCapSeconds = 0.5;
        m_engine = std::make_unique<JobEngine>(o);
        QVERIFY(m_engine->start().ok());
    }

    QString authorizedKeys() const { return m_sshd.value(QStringLiteral("SSHD_AUTHORIZED_KEYS")); }
    QString guestHome() const { return m_sshd.value(QStringLiteral("SSHD_HOME")); }

    void setScript(const QString &script)
    {
        const auto r =
            m_api.call("PUT", QStringLiteral("/api/cloudpod-templates/%1/script").arg(m_template), m_staff,
                       {{QStringLiteral("script"), script},
                        {QStringLiteral("ssh_port"), int(m_sshd.port(QStringLiteral("SSHD_PORT")))},
                        {QStringLiteral("ssh_user"), m_sshd.value(QStringLiteral("SSHD_USER"))}});
        QVERIFY2(r.status == 200, r.body.constData());
    }

    // Orders and pays one pod; its id once the pod row exists.
    QString orderPod()
    {
        const auto ordered = m_api.call(
            "POST", QStringLiteral("/api/checkout"), m_customerToken,
            {{QStringLiteral("product_id"), m_product},
             {QStringLiteral("cycle"), QStringLiteral("monthly")},
             {QStringLiteral("currency"), QStringLiteral("EUR")},
             {QStringLiteral("options"), QJsonObject{{QStringLiteral("ssh_public_keys"), kCustomerKey}}}});
        if (ordered.status != 201)
            qFatal("checkout: %d %s", ordered.status, ordered.body.constData());
        const auto paid = m_api.call(
            "PATCH", QStringLiteral("/api/invoices/%1").arg(str(ordered.json(), "invoice_id")), m_staff,
            {{QStringLiteral("status"), QStringLiteral("paid")},
             {QStringLiteral("reason"), QStringLiteral("bank transfer")}});
        if (paid.status != 200)
            qFatal("pay: %d %s", paid.status, paid.body.constData());
        QString pod;
        const bool appeared = QTest::qWaitFor(
            [&] {
                pod = m_api.text(
                    QStringLiteral("SELECT id::text FROM cloud_pods WHERE customer_id = "
                                   "(SELECT id FROM customers WHERE email = 'alice@example.com')"));
                return !pod.isEmpty();
            },
            20000);
        if (!appeared)
            qWarning("no pod row appeared");
        return pod;
    }

    // Cloud-init's part: once the guest exists, the keys its create call carried go into the
    // guest's authorized_keys.
    QString installGuestKeys()
    {
        QString keys;
        const bool appeared = QTest::qWaitFor(
            [&] {
                for (const ProxmoxEmulator::Guest &g : m_pve->guests())
                    if (!g.isTemplate && !g.sshKeys.isEmpty())
                        keys = g.sshKeys;
                return !keys.isEmpty();
            },
            30000);
        if (!appeared)
            qWarning("no guest with SSH keys appeared at the emulator");
        QFile file(authorizedKeys());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write authorized_keys");
        file.write(keys.toUtf8() + '\n');
        return keys;
    }

    QString podStatus(const QString &pod)
    {
        return m_api.text(QStringLiteral("SELECT status FROM cloud_pods WHERE id = ?::uuid"), {pod});
    }

    QStringList jobLog(const QString &pod)
    {
        QStringList lines;
        auto q = sql::exec(m_api.db(),
                           QStringLiteral("SELECT l.line FROM job_log l JOIN jobs j ON j.id = l.job_id "
                                          "WHERE j.related_id = ? ORDER BY l.id"),
                           {pod});
        while (q && q->next())
            lines << q->value(0).toString();
        return lines;
    }

    bool jobsSettled(const QString &pod)
    {
        return m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE related_id = ? AND status IN "
                                           "('queued', 'running', 'failed')"),
                            {pod}) == 0;
    }

    int runs() { return int(readFile(guestHome() + QStringLiteral("/runs")).count('\n')); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_PROXMOX_TIMEOUT_MS", "1500");
        qputenv("MPANEL_PROXMOX_TASK_POLL_MS", "50");
        qputenv("MPANEL_PROXMOX_TASK_TIMEOUT_MS", "8000");
        qputenv("MPANEL_PROXMOX_RETRY_DELAY_MS", "50");
        qputenv("MPANEL_GUEST_SSH_WAIT_MS", "120000");
        const Status started = m_sshd.start({kGuestAddress});
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    }

    void init()
    {
        m_api.start(QStringLiteral("scripts-%1").arg(++m_counter));
        m_tenant = m_api.tenant(QStringLiteral("Script Co"));
        m_staff = m_api.staffToken(m_tenant);
        m_pve = std::make_unique<ProxmoxEmulator>();
        m_pve->setTaskDurationMs(50);
        m_pve->setAuthFailureDelayMs(0);
        QVERIFY(m_pve->start().ok());
        test::PodPool pool;
        pool.first = kGuestAddress;
        pool.last = QStringLiteral("127.0.0.20");
        pool.gateway = QStringLiteral("127.0.0.1");
        pool.dns = QStringLiteral("127.0.0.1");
        const test::PodCluster cluster =
            test::registerPodCluster(m_api, m_staff, *m_pve, {64, 262144, 2000}, pool);
        QVERIFY2(!cluster.id.isEmpty(), qPrintable(cluster.failure));
        m_customerToken =
            m_api.signUp(m_tenant, QStringLiteral("Alice"), QStringLiteral("alice@example.com")).first;
        m_template = m_api.text(
            QStringLiteral(
                "SELECT id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid AND name = 'Mini'"),
            {m_tenant});
        m_product = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_api.exec(QStringLiteral("INSERT INTO products (id, tenant_id, type, name, template_id) "
                                  "VALUES (?::uuid, ?::uuid, 'cloudpod', 'Pod Mini', ?::uuid)"),
                   {m_product, m_tenant, m_template});
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                       "VALUES (?::uuid, ?::uuid, 'monthly', 'EUR', 500)"),
                   {m_tenant, m_product});
        QFile::remove(guestHome() + QStringLiteral("/runs"));
        QFile keys(authorizedKeys());
        QVERIFY(keys.open(QIODevice::WriteOnly | QIODevice::Truncate));
    }

    void cleanup()
    {
        if (m_engine)
            m_engine->stop(2000);
        m_engine.reset();
        m_pve.reset();
    }

    void cleanupTestCase() { m_sshd.stop(); }

    void theScriptRunsOnceWithItsOutputInTheJobLog()
    {
        setScript(QStringLiteral("#!/bin/sh\necho \"hello from the guest\"\necho \"a warning\" >&2\n"
                                 "echo run >> \"$HOME/runs\"\n"));
        const QString pod = orderPod();
        QVERIFY(!pod.isEmpty());
        startEngine();
        const QString keys = installGuestKeys();
        // The customer's key and mPanel's own for this pod went into the create call.
        QVERIFY2(keys.contains(kCustomerKey), qPrintable(keys));
        QVERIFY2(keys.contains(QStringLiteral(" mpanel-pod-") + pod), qPrintable(keys));
        QVERIFY(keys.contains(QLatin1String("ssh-ed25519 ")));
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(pod), QStringLiteral("active"), 60000);
        QCOMPARE(runs(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(jobsSettled(pod), 20000);
        const QStringList log = jobLog(pod);
        QVERIFY2(log.contains(QStringLiteral("script: hello from the guest")), qPrintable(log.join(u'\n')));
        QVERIFY2(log.contains(QStringLiteral("script: a warning")), qPrintable(log.join(u'\n')));
        QVERIFY(log.contains(QStringLiteral("the post-install script succeeded")));
        // The private key is nowhere staff can read it, and never in a log line.
        const QString privateKey = m_api.text(
            QStringLiteral("SELECT private_key FROM cloud_pod_scripts WHERE pod_id = ?::uuid"), {pod});
        QVERIFY(privateKey.contains(QLatin1String("OPENSSH PRIVATE KEY")));
        QVERIFY(!log.join(u'\n').contains(privateKey.section(u'\n', 1, 1)));

        // The pod's detail says where the script stands.
        const auto detail = m_api.call("GET", QStringLiteral("/api/cloudpods/") + pod, m_customerToken);
        QCOMPARE(str(detail.json().value(QStringLiteral("post_install")).toObject(), "state"),
                 QStringLiteral("succeeded"));

        // The provision job once more (a retry, a repeated request): the script does not run again.
        JobSpec again;
        again.tenantId = m_tenant;
        again.kind = QStringLiteral("cloudpod.provision");
        again.payload = QJsonObject{{QStringLiteral("pod_id"), pod}};
        again.relatedType = QStringLiteral("cloud_pod");
        again.relatedId = pod;
        auto job = Jobs::enqueue(m_api.db(), again);
        QVERIFY(job);
        m_engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"), {job->id}),
            QStringLiteral("completed"), 20000);
        QCOMPARE(runs(), 1);

        // Staff ask for it: it runs again, once. The customer may not ask.
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/cloudpods/%1/script/rerun").arg(pod), m_customerToken)
                .status,
            403);
        const auto rerun =
            m_api.call("POST", QStringLiteral("/api/cloudpods/%1/script/rerun").arg(pod), m_staff);
        QVERIFY2(rerun.status == 202, rerun.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(runs(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(jobsSettled(pod), 20000);
        QCOMPARE(runs(), 2);

        // The customer removes mPanel's key: gone from the guest (their own stays), and mPanel
        // forgets its private key; no more runs can be asked for.
        const auto removed =
            m_api.call("DELETE", QStringLiteral("/api/cloudpods/%1/mpanel-key").arg(pod), m_customerToken);
        QVERIFY2(removed.status == 202, removed.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!readFile(authorizedKeys()).contains("mpanel-pod-"), 30000);
        QVERIFY(readFile(authorizedKeys()).contains(kCustomerKey.toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM cloud_pod_scripts WHERE pod_id = ?::uuid AND "
                                        "private_key IS NULL AND key_removed_at IS NOT NULL"),
                         {pod}),
            1, 20000);
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/cloudpods/%1/script/rerun").arg(pod), m_staff).status,
            409);
        QCOMPARE(
            m_api.call("DELETE", QStringLiteral("/api/cloudpods/%1/mpanel-key").arg(pod), m_customerToken)
                .status,
            409);
    }

    void aFailingScriptFailsTheStepReadably()
    {
        setScript(QStringLiteral("echo run >> \"$HOME/runs\"\necho \"cannot reach the mirror\"\nexit 3\n"));
        const QString pod = orderPod();
        QVERIFY(!pod.isEmpty());
        startEngine();
        installGuestKeys();
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(pod), QStringLiteral("error"), 60000);
        const QString lastError =
            m_api.text(QStringLiteral("SELECT last_error FROM cloud_pods WHERE id = ?::uuid"), {pod});
        QVERIFY2(lastError.contains(QLatin1String("exited with status 3")), qPrintable(lastError));
        QTRY_VERIFY_WITH_TIMEOUT(jobsSettled(pod), 20000);
        const QStringList log = jobLog(pod);
        QVERIFY2(log.contains(QStringLiteral("script: cannot reach the mirror")),
                 qPrintable(log.join(u'\n')));
        // Failed for good, not retried (a retry would run it again).
        QCOMPARE(m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE related_id = ? AND kind = "
                                           "'cloudpod.provision'"),
                            {pod}),
                 QStringLiteral("dead"));
        QCOMPARE(runs(), 1);
        // No "server ready" mail for a pod whose script failed.
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = 'service.ready'")),
                 0);

        // A script that started and never reported back (the worker died) is not run again by a
        // repeated job either.
        m_api.exec(QStringLiteral("UPDATE cloud_pod_scripts SET state = 'running' WHERE pod_id = ?::uuid"),
                   {pod});
        JobSpec again;
        again.tenantId = m_tenant;
        again.kind = QStringLiteral("cloudpod.provision");
        again.payload = QJsonObject{{QStringLiteral("pod_id"), pod}};
        again.maxAttempts = 1;
        auto job = Jobs::enqueue(m_api.db(), again);
        QVERIFY(job);
        m_engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"), {job->id}),
            QStringLiteral("dead"), 30000);
        QCOMPARE(runs(), 1);
        QVERIFY2(m_api.text(QStringLiteral("SELECT last_error FROM cloud_pods WHERE id = ?::uuid"), {pod})
                     .contains(QLatin1String("never reported back")),
                 qPrintable(m_api.text(QStringLiteral("SELECT last_error FROM cloud_pods WHERE id = ?::uuid"),
                                       {pod})));
    }

    void badScriptsNameTheField()
    {
        const QString url = QStringLiteral("/api/cloudpod-templates/%1/script").arg(m_template);
        auto r = m_api.call("PUT", url, m_staff, {{QStringLiteral("script"), QString()}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("script"));
        r = m_api.call(
            "PUT", url, m_staff,
            {{QStringLiteral("script"), QStringLiteral("true")}, {QStringLiteral("ssh_port"), 70000}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("ssh_port"));
        r = m_api.call("PUT", url, m_staff,
                       {{QStringLiteral("script"), QStringLiteral("true")},
                        {QStringLiteral("ssh_user"), QStringLiteral("Root;rm")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("ssh_user"));
        QCOMPARE(m_api.call("GET", url, m_staff).status, 404);
        QCOMPARE(m_api.call("PUT", url, m_customerToken, {{QStringLiteral("script"), QStringLiteral("true")}})
                     .status,
                 403);
    }
};

QTEST_GUILESS_MAIN(TestProvisioningScripts)
#include "tst_provisioning_scripts.moc"
