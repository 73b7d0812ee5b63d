// `mpanel-service stripe check` against the Stripe emulator: the key's mode, the webhook
// endpoints registered for this service's public URL with their events, and the required events
// none of them receives.

#include "emulators/stripe_emulator.h"
#include "payments/stripe_setup_check.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mp;
using namespace mp::test;

class TestStripeCheck : public QObject {
    Q_OBJECT

    StripeEmulator m_stripe;
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // The real binary; this thread's event loop keeps running so the in-process emulator answers.
    Run check(const QString &publicUrl, const QString &key = QStringLiteral("sk_test_check"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MPANEL_STRIPE_API_BASE"), m_stripe.baseUrl().toString());
        env.insert(QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), key);
        env.insert(QStringLiteral("MPANEL_PUBLIC_URL"), publicUrl);
        env.insert(QStringLiteral("MPANEL_DATA_DIR"), m_dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MPANEL_SERVICE_BINARY), {QStringLiteral("stripe"), QStringLiteral("check")});
        Run run;
        if (!p.waitForStarted(10000))
            return run;
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000)) {
            p.kill();
            p.waitForFinished();
            return run;
        }
        run.exitCode = p.exitCode();
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_stripe.start().ok());
        m_stripe.addWebhookEndpoint(QStringLiteral("https://other.example/hook"), {QStringLiteral("*")});
    }

    void noEndpointForThisServiceIsNotOk()
    {
        const Run r = check(QStringLiteral("https://panel.example.com"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("mode: test")), qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("webhook url: https://panel.example.com/webhooks/stripe")));
        QVERIFY(r.out.contains(QStringLiteral("https://other.example/hook (enabled): *")));
        QVERIFY(r.out.contains(QStringLiteral("no webhook endpoint is registered at Stripe for "
                                              "https://panel.example.com/webhooks/stripe")));
        QVERIFY(r.out.contains(QStringLiteral("missing events: checkout.session.completed")));
        // The key is never printed.
        QVERIFY(!r.out.contains(QStringLiteral("sk_test_check")) &&
                !r.err.contains(QStringLiteral("sk_test_check")));
        // The client asked for the list as stripe-node does.
        bool listed = false;
        for (const auto &req : m_stripe.requests())
            listed = listed || (req.method == QLatin1String("GET") &&
                                req.path == QLatin1String("/v1/webhook_endpoints"));
        QVERIFY(listed);
    }

    void missingEventsAreNamed()
    {
        m_stripe.addWebhookEndpoint(
            QStringLiteral("https://shop.example/webhooks/stripe"),
            {QStringLiteral("checkout.session.completed"), QStringLiteral("charge.refunded")});
        m_stripe.addWebhookEndpoint(QStringLiteral("https://shop.example/webhooks/stripe"),
                                    {QStringLiteral("payment_intent.succeeded")}, QStringLiteral("disabled"));
        const Run r = check(QStringLiteral("https://shop.example/"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(
                     QStringLiteral("(enabled, this service): checkout.session.completed, charge.refunded")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("(disabled, this service): payment_intent.succeeded")));
        const QString missing = r.out.section(QStringLiteral("missing events: "), 1).section(u'\n', 0, 0);
        QStringList expected = payments::StripeSetupCheck::requiredEvents();
        expected.removeAll(QStringLiteral("checkout.session.completed"));
        expected.removeAll(QStringLiteral("charge.refunded"));
        // A disabled endpoint receives nothing.
        QCOMPARE(missing, expected.join(QStringLiteral(", ")));
    }

    void everyRequiredEventIsOk()
    {
        m_stripe.addWebhookEndpoint(QStringLiteral("https://full.example/webhooks/stripe"),
                                    payments::StripeSetupCheck::requiredEvents());
        Run r = check(QStringLiteral("https://full.example"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(QStringLiteral("missing events")));
        QVERIFY(r.out.trimmed().endsWith(QStringLiteral("ok")));
        m_stripe.addWebhookEndpoint(QStringLiteral("https://star.example/webhooks/stripe"),
                                    {QStringLiteral("*")});
        r = check(QStringLiteral("https://star.example"));
        QCOMPARE(r.exitCode, 0);
    }

    void aRejectedKeyFails()
    {
        m_stripe.setApiKey(QStringLiteral("sk_test_only_this"));
        const Run r = check(QStringLiteral("https://full.example"), QStringLiteral("sk_test_wrong"));
        m_stripe.setApiKey(QString());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Invalid API Key")), qPrintable(r.err));
    }
};

QTEST_MAIN(TestStripeCheck)
#include "tst_stripe_check.moc"
