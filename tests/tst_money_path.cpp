// The end-to-end money test: the real binaries (mpanel-service, mpanel-stripe-emulator,
// mpanel-proxmox-emulator) as separate processes, the database set up with the service's own
// CLI, and every step over HTTP (tests/e2e/money_path.h). The test never reads or writes the
// database: what it asserts is what the API answers.
#include "e2e/money_path.h"
#include "support/http_client.h"
#include "support/script_server.h"
#include "support/smtp_sink.h"
#include "support/test_cluster.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
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
    // The customer's mail goes to a real SMTP server on loopback (STARTTLS, AUTH).
    test::SmtpSink m_sink;
    QString m_paidEmail;
    // The guest: a real sshd on loopback whose authorized_keys the Proxmox emulator fills with the
    // keys the create call carried (as the container's init would); the pool has its one address.
    test::ScriptServer m_guest{QStringLiteral("sshd")};
    QString m_customerKey; // private key file; the public one goes to checkout

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
        s.poolFirst = s.poolLast = QStringLiteral("127.0.0.10");
        s.poolGateway = QStringLiteral("127.0.0.1");
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
        if (expect == MoneyPath::Expect::Paid) {
            m_paidEmail = QStringLiteral("ada-%1@example.com")
                              .arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
            s.customerEmail = m_paidEmail;
            QFile pub(m_customerKey + QStringLiteral(".pub"));
            if (pub.open(QIODevice::ReadOnly))
                s.sshPublicKey = QString::fromUtf8(pub.readAll()).trimmed();
        }
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

        QVERIFY2(m_guest.start({QStringLiteral("127.0.0.10")}).ok(), "tests/servers/sshd did not start");
        m_customerKey = m_dir.filePath(QStringLiteral("ada_ed25519"));
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                    QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                                    QStringLiteral("ada@example.com"), QStringLiteral("-f"), m_customerKey}),
                 0);

        const QString proxmox = proxmoxEmulatorBinary();
        if (!proxmox.isEmpty()) {
            const int proxmoxPort = freePort();
            m_proxmoxCa = m_dir.filePath(QStringLiteral("proxmox-ca.pem"));
            m_proxmox = std::make_unique<Child>(QStringLiteral("mpanel-proxmox-emulator"));
            QVERIFY(m_proxmox->start(
                proxmox,
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(proxmoxPort),
                 QStringLiteral("--token"), kProxmoxTokenId + u'=' + kProxmoxSecret,
                 QStringLiteral("--task-ms"), QStringLiteral("300"), QStringLiteral("--write-ca"),
                 m_proxmoxCa, QStringLiteral("--guest-authorized-keys"),
                 m_guest.value(QStringLiteral("SSHD_AUTHORIZED_KEYS"))},
                QProcessEnvironment::systemEnvironment()));
            m_proxmoxApi = QStringLiteral("https://127.0.0.1:%1/api2/json").arg(proxmoxPort);
            QVERIFY2(waitForPort(proxmoxPort, *m_proxmox, 30000), qPrintable(m_proxmox->output()));
            QVERIFY(QFileInfo(m_proxmoxCa).size() > 0);
        } else {
            qWarning("mpanel-proxmox-emulator is not built on this branch: the CloudPod steps are skipped");
        }

        QVERIFY(m_sink.start());
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("MPANEL_SMTP_CA_FILE"), m_sink.caFile());
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

        // Staff point the tenant's mail at the relay, as in the console's notification settings.
        const auto mail = test::httpCall(
            "PUT", QUrl(QStringLiteral("http://127.0.0.1:%1/api/notifications/settings").arg(m_servicePort)),
            QJsonDocument(
                QJsonObject{{QStringLiteral("from_address"), QStringLiteral("billing@hosting.example")},
                            {QStringLiteral("from_name"), QStringLiteral("Money Path Hosting")},
                            {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("smtp_port"), int(m_sink.port())},
                            {QStringLiteral("tls_mode"), QStringLiteral("starttls")},
                            {QStringLiteral("smtp_user"), m_sink.options().user},
                            {QStringLiteral("smtp_password"), m_sink.options().password}})
                .toJson(QJsonDocument::Compact),
            {{"Authorization", "Bearer " + m_admin.toLatin1()}, {"Content-Type", "application/json"}});
        QVERIFY2(mail.status == 200, mail.body.constData());
    }

    // The summary of the sink's mail to `to` whose subject contains `subject`; empty if none.
    QJsonObject mailTo(const QString &to, const QString &subject)
    {
        for (const QString &file : m_sink.messages()) {
            const QJsonObject summary = m_sink.summary(file);
            if (summary.value(QStringLiteral("to")).toString().contains(to) &&
                summary.value(QStringLiteral("subject")).toString().contains(subject))
                return summary;
        }
        return {};
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
            QCOMPARE(o.podAddress, QStringLiteral("127.0.0.10"));
        }

        if (!m_proxmoxApi.isEmpty()) {
            // The path ends in the customer's mailbox: "your server is ready", with how to connect,
            // in German: Ada signed up from DE. (Looking for the English subject is what made this
            // step time out before: the mail was there all along.) The sender runs every minute.
            QJsonObject ready;
            QTRY_VERIFY_WITH_TIMEOUT(!(ready = mailTo(m_paidEmail, QStringLiteral("ist bereit"))).isEmpty(),
                                     150000);
            QCOMPARE(ready.value(QStringLiteral("language")).toString(), QStringLiteral("de"));
            const QByteArray text = QJsonDocument(ready).toJson();
            QVERIFY2(text.contains("ada-web"), text.constData());
            QVERIFY2(text.contains(o.podAddress.toUtf8()), text.constData());

            // The customer's key is on the guest: they log in with it.
            QProcess ssh;
            ssh.setProcessChannelMode(QProcess::MergedChannels);
            ssh.start(QStringLiteral("ssh"),
                      {QStringLiteral("-i"), m_customerKey, QStringLiteral("-p"),
                       m_guest.value(QStringLiteral("SSHD_PORT")), QStringLiteral("-o"),
                       QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                       QStringLiteral("StrictHostKeyChecking=no"), QStringLiteral("-o"),
                       QStringLiteral("UserKnownHostsFile=/dev/null"), QStringLiteral("-o"),
                       QStringLiteral("IdentitiesOnly=yes"),
                       m_guest.value(QStringLiteral("SSHD_USER")) + u'@' + o.podAddress,
                       QStringLiteral("echo signed-in")});
            QVERIFY(ssh.waitForFinished(60000));
            const QByteArray said = ssh.readAll();
            QVERIFY2(ssh.exitCode() == 0 && said.contains("signed-in"), said.constData());
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
        m_sink.stop();
        m_guest.stop();
    }
};

QTEST_GUILESS_MAIN(TestMoneyPath)
#include "tst_money_path.moc"
