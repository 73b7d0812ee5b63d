// The end-to-end money test: the real binaries (mpanel-service, mpanel-stripe-emulator,
// mpanel-proxmox-emulator) as separate processes, the database set up with the service's own
// CLI, and every step over HTTP (tests/e2e/money_path.h). The test never reads or writes the
// database: what it asserts is what the API answers.
#include "e2e/money_path.h"
#include "support/http_client.h"
#include "support/test_cluster.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <memory>

using namespace mp;
using namespace mp::e2e;
using mp::test::TestCluster;

namespace {

const QString kWebhookSecret = QStringLiteral("whsec_money_path");
const QString kProxmoxTokenId = QStringLiteral("mpanel@pve!e2e");
const QString kProxmoxSecret = QStringLiteral("9c3f6a1e-52b7-4d0a-8a61-e2e0e2e0e2e0");

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString proxmoxEmulatorBinary()
{
#ifdef MPANEL_PROXMOX_EMULATOR_BINARY
    return QStringLiteral(MPANEL_PROXMOX_EMULATOR_BINARY);
#else
    return {};
#endif
}

// A child process that is stopped with SIGTERM (then SIGKILL) and whose output is shown when a
// test fails.
class Child {
public:
    explicit Child(QString name) : m_name(std::move(name))
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
    }
    ~Child() { stop(); }
    QProcess &process() { return m_process; }
    bool start(const QString &program, const QStringList &args, const QProcessEnvironment &env)
    {
        m_process.setProcessEnvironment(env);
        m_process.start(program, args);
        return m_process.waitForStarted(10000);
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QString output()
    {
        m_log += QString::fromUtf8(m_process.readAll());
        return m_log;
    }
    const QString &name() const { return m_name; }

private:
    QString m_name;
    QProcess m_process;
    QString m_log;
};

// The emulators say nothing when they are ready; an accepted connection is the sign.
bool waitForPort(int port, Child &child, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (!child.running())
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(port));
        if (socket.waitForConnected(1000))
            return true;
        QTest::qWait(100);
    }
    return false;
}

} // namespace

class TestMoneyPath : public QObject {
    Q_OBJECT

    QString m_database;
    QString m_tenant;
    QString m_admin;
    QTemporaryDir m_dir;
    quint16 m_servicePort = 0;
    QString m_proxmoxApi;
    QString m_proxmoxCa;
    std::unique_ptr<Child> m_stripe, m_proxmox, m_service;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MPANEL_DATABASE_URL"), TestCluster::instance().url(m_database));
        return env;
    }

    // `mpanel-service ARGS`; its last output line, or a failure with everything it said.
    QString cli(const QStringList &args)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(MPANEL_SERVICE_BINARY), args);
        if (!p.waitForFinished(120000))
            p.kill();
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        if (p.exitCode() != 0) {
            qWarning("mpanel-service %s: exit %d\n%s%s", qPrintable(args.join(u' ')), p.exitCode(),
                     qPrintable(out), p.readAllStandardError().constData());
            return {};
        }
        return out.trimmed().split(u'\n').last().trimmed();
    }

    MoneyPathSettings settings() const
    {
        MoneyPathSettings s;
        s.service = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_servicePort));
        s.tenantId = m_tenant;
        s.staffToken = m_admin;
        s.cloudPods = !m_proxmoxApi.isEmpty();
        s.proxmoxApiBase = m_proxmoxApi;
        s.proxmoxTokenId = kProxmoxTokenId;
        s.proxmoxTokenSecret = kProxmoxSecret;
        QFile ca(m_proxmoxCa);
        if (ca.open(QIODevice::ReadOnly))
            s.proxmoxCaPem = QString::fromLatin1(ca.readAll());
        s.pollTimeoutMs = 180000;
        return s;
    }

    void dumpLogs()
    {
        for (Child *c : {m_service.get(), m_stripe.get(), m_proxmox.get()}) {
            if (c)
                qWarning("---- %s ----\n%s", qPrintable(c->name()), qPrintable(c->output().right(6000)));
        }
    }

    // Runs the customer's part and checks that the steps came in the expected order, each ok.
    MoneyPathOutcome run(MoneyPath::Expect expect, const QString &card, QStringList *names)
    {
        MoneyPathSettings s = settings();
        s.card = card;
        s.podHostname = expect == MoneyPath::Expect::Paid ? QStringLiteral("ada-web") : QString();
        MoneyPath path(s, [names](const MoneyPathStep &step) {
            qInfo("%s %s: %s", step.ok ? "ok  " : "FAIL", qPrintable(step.name), qPrintable(step.summary));
            names->append(step.name);
        });
        if (!path.prepareCatalog())
            return {};
        names->clear();
        return path.runCustomer(expect);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The schema, the tenant and the staff token come from the service's own CLI.
        m_database = TestCluster::instance().emptyDatabase().database;
        QVERIFY(!cli({QStringLiteral("migrate")}).isEmpty());
        m_tenant =
            cli({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Money Path Hosting")});
        QVERIFY(!QUuid::fromString(m_tenant).isNull());
        m_admin = cli({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--tenant"),
                       m_tenant, QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--label"),
                       QStringLiteral("e2e")});
        QVERIFY(!m_admin.isEmpty());

        m_servicePort = quint16(freePort());
        const int stripePort = freePort();
        const QString stripeBase = QStringLiteral("http://127.0.0.1:%1").arg(stripePort);
        m_stripe = std::make_unique<Child>(QStringLiteral("mpanel-stripe-emulator"));
        QVERIFY(m_stripe->start(QStringLiteral(MPANEL_STRIPE_EMULATOR_BINARY),
                                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(stripePort),
                                 QStringLiteral("--webhook-url"),
                                 QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(m_servicePort),
                                 QStringLiteral("--webhook-secret"), kWebhookSecret,
                                 QStringLiteral("--retry-delay-ms"), QStringLiteral("500")},
                                QProcessEnvironment::systemEnvironment()));
        QVERIFY2(waitForPort(stripePort, *m_stripe, 30000), qPrintable(m_stripe->output()));

        const QString proxmox = proxmoxEmulatorBinary();
        if (!proxmox.isEmpty()) {
            const int proxmoxPort = freePort();
            m_proxmoxCa = m_dir.filePath(QStringLiteral("proxmox-ca.pem"));
            m_proxmox = std::make_unique<Child>(QStringLiteral("mpanel-proxmox-emulator"));
            QVERIFY(
                m_proxmox->start(proxmox,
                                 {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(proxmoxPort),
                                  QStringLiteral("--token"), kProxmoxTokenId + u'=' + kProxmoxSecret,
                                  QStringLiteral("--task-ms"), QStringLiteral("300"),
                                  QStringLiteral("--write-ca"), m_proxmoxCa},
                                 QProcessEnvironment::systemEnvironment()));
            m_proxmoxApi = QStringLiteral("https://127.0.0.1:%1/api2/json").arg(proxmoxPort);
            QVERIFY2(waitForPort(proxmoxPort, *m_proxmox, 30000), qPrintable(m_proxmox->output()));
            QVERIFY(QFileInfo(m_proxmoxCa).size() > 0);
        } else {
            qWarning("mpanel-proxmox-emulator is not built on this branch: the CloudPod steps are skipped");
        }

        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("MPANEL_LISTEN"), QStringLiteral("127.0.0.1:%1").arg(m_servicePort));
        // The sandbox as scripts/run-mpanel sets it up: no Stripe account, the API base at the
        // emulator (which takes the service's sandbox test key).
        env.remove(QStringLiteral("MPANEL_STRIPE_SECRET_KEY"));
        env.insert(QStringLiteral("MPANEL_STRIPE_API_BASE"), stripeBase);
        env.insert(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), kWebhookSecret);
        env.insert(QStringLiteral("MPANEL_PUBLIC_URL"),
                   QStringLiteral("http://127.0.0.1:%1").arg(m_servicePort));
        env.insert(QStringLiteral("MPANEL_JOB_POLL_MS"), QStringLiteral("200"));
        env.insert(QStringLiteral("MPANEL_HTTP_THREADS"), QStringLiteral("4"));
        m_service = std::make_unique<Child>(QStringLiteral("mpanel-service"));
        QVERIFY(m_service->start(QStringLiteral(MPANEL_SERVICE_BINARY), {QStringLiteral("serve")}, env));
        const QUrl ready(QStringLiteral("http://127.0.0.1:%1/readyz").arg(m_servicePort));
        QElapsedTimer timer;
        timer.start();
        int status = 0;
        while (status != 200 && timer.elapsed() < 60000 && m_service->running()) {
            status = test::httpCall("GET", ready, {}, {}, 2000).status;
            if (status != 200)
                QTest::qWait(100);
        }
        QVERIFY2(status == 200, qPrintable(m_service->output()));
    }

    void cardPaysAndThePodComesUp()
    {
        QStringList steps;
        const MoneyPathOutcome o =
            run(MoneyPath::Expect::Paid, QStringLiteral("4242 4242 4242 4242"), &steps);
        if (!o.ok)
            dumpLogs();
        QVERIFY2(o.ok, qPrintable(QStringLiteral("failed at step \"%1\"").arg(o.failedStep)));
        QStringList expected{QStringLiteral("signup"),      QStringLiteral("checkout"),
                             QStringLiteral("invoice"),     QStringLiteral("pay"),
                             QStringLiteral("card"),        QStringLiteral("webhook"),
                             QStringLiteral("subscription")};
        if (!m_proxmoxApi.isEmpty())
            expected << QStringLiteral("provisioning") << QStringLiteral("provisioning job");
        expected << QStringLiteral("sign in") << QStringLiteral("customer view");
        QCOMPARE(steps, expected);
        QCOMPARE(o.invoiceStatus, QStringLiteral("paid"));
        QVERIFY(!o.invoiceNumber.isEmpty());
        QCOMPARE(o.subscriptionStatus, QStringLiteral("active"));
        if (!m_proxmoxApi.isEmpty()) {
            QCOMPARE(o.podStatus, QStringLiteral("active"));
            QCOMPARE(o.podHostname, QStringLiteral("ada-web")); // as ordered at checkout
            // The address comes from the pool staff configured.
            QVERIFY2(o.podAddress.startsWith(QLatin1String("10.20.0.")), qPrintable(o.podAddress));
        }

        // Paid means paid once: paying again is refused.
        const auto again = test::httpCall("POST",
                                          QUrl(QStringLiteral("http://127.0.0.1:%1/api/invoices/%2/pay")
                                                   .arg(m_servicePort)
                                                   .arg(o.invoiceId)),
                                          {}, {{"Authorization", "Bearer " + o.customerToken.toLatin1()}});
        QCOMPARE(again.status, 409);
    }

    void providersSaySandbox()
    {
        // What staff are told about the providers the money path just used.
        const auto r = test::httpCall(
            "GET", QUrl(QStringLiteral("http://127.0.0.1:%1/api/system/providers").arg(m_servicePort)), {},
            {{"Authorization", "Bearer " + m_admin.toLatin1()}});
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("stripe")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("sandbox"));
        if (!m_proxmoxApi.isEmpty())
            QCOMPARE(o.value(QStringLiteral("proxmox")).toObject().value(QStringLiteral("mode")).toString(),
                     QStringLiteral("sandbox"));
    }

    void declinedCardLeavesNothingBehind()
    {
        QStringList steps;
        const MoneyPathOutcome o =
            run(MoneyPath::Expect::Declined, QStringLiteral("4000 0000 0000 0002"), &steps);
        if (!o.ok)
            dumpLogs();
        QVERIFY2(o.ok, qPrintable(QStringLiteral("failed at step \"%1\"").arg(o.failedStep)));
        QCOMPARE(steps,
                 (QStringList{QStringLiteral("signup"), QStringLiteral("checkout"), QStringLiteral("invoice"),
                              QStringLiteral("pay"), QStringLiteral("card"), QStringLiteral("webhook"),
                              QStringLiteral("sign in"), QStringLiteral("customer view")}));
        QCOMPARE(o.invoiceStatus, QStringLiteral("unpaid"));
        QVERIFY(o.subscriptionId.isEmpty());
        QVERIFY(o.podId.isEmpty());
    }

    void cleanupTestCase()
    {
        // The service first, so it does not log the emulators going away as errors.
        if (m_service)
            m_service->stop();
        if (m_proxmox)
            m_proxmox->stop();
        if (m_stripe)
            m_stripe->stop();
    }
};

QTEST_GUILESS_MAIN(TestMoneyPath)
#include "tst_money_path.moc"
