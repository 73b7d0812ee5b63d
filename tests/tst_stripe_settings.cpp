#include "stripe/stripe_settings.h"

#include <QTest>

using namespace mp;

namespace {
Config configWith(const QList<QPair<QString, QString>> &values)
{
    Config config;
    for (const auto &[name, value] : values)
        config.set(name, value);
    return config;
}
} // namespace

class TestStripeSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noKeyAndStripesApiIsOff()
    {
        // Nothing configured: no account and no emulator, so mPanel does not call anything.
        for (const Config &config : {Config(),
                                     configWith({{QStringLiteral("MPANEL_STRIPE_API_BASE"),
                                                  QStringLiteral("https://api.stripe.com")}}),
                                     configWith({{QStringLiteral("MPANEL_STRIPE_API_BASE"),
                                                  QStringLiteral("https://files.stripe.com")}})}) {
            auto s = StripeSettings::fromConfig(config);
            QVERIFY(s.ok());
            QCOMPARE(s->mode, StripeSettings::Mode::Off);
            QCOMPARE(s->modeName(), QStringLiteral("off"));
            QVERIFY(!s->isSandbox());
            QVERIFY(!s->canCall());
            QVERIFY(s->requestKey().isEmpty());
        }
        auto s = StripeSettings::fromConfig(Config());
        QCOMPARE(s->apiBase, QUrl(QStringLiteral("https://api.stripe.com")));
        QVERIFY(s->webhookSecrets.isEmpty());
    }

    void noKeyAndAnEmulatorIsSandbox()
    {
        // What scripts/run-mpanel configures: no account, the API base at the local emulator.
        auto s = StripeSettings::fromConfig(configWith(
            {{QStringLiteral("MPANEL_STRIPE_API_BASE"), QStringLiteral("http://127.0.0.1:12111")},
             {QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), QStringLiteral("whsec_mpanel_sandbox")}}));
        QVERIFY(s.ok());
        QCOMPARE(s->mode, StripeSettings::Mode::Sandbox);
        QCOMPARE(s->modeName(), QStringLiteral("sandbox"));
        QVERIFY(s->isSandbox());
        QVERIFY(s->canCall());
        QVERIFY(s->secretKey.isEmpty());
        // The client sends a test key no Stripe account has.
        QCOMPARE(s->requestKey(), StripeSettings::kSandboxKey);
        QVERIFY(s->requestKey().startsWith(QLatin1String("sk_test_")));
    }

    void aKeyIsNeverSandbox()
    {
        // A key means an account: its mode holds against Stripe and against any other base
        // (a relay or proxy may reach the real Stripe).
        struct Row {
            const char *key, *base;
            StripeSettings::Mode mode;
        };
        const Row rows[] = {
            {"sk_test_abc", "", StripeSettings::Mode::Test},
            {"rk_test_abc", "https://api.stripe.com", StripeSettings::Mode::Test},
            {"sk_test_abc", "http://127.0.0.1:12111", StripeSettings::Mode::Test},
            {"sk_live_abc", "", StripeSettings::Mode::Live},
            {"rk_live_abc", "https://stripe-relay.example.net", StripeSettings::Mode::Live},
        };
        for (const Row &row : rows) {
            Config config;
            config.set(QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QString::fromLatin1(row.key));
            if (*row.base)
                config.set(QStringLiteral("MPANEL_STRIPE_API_BASE"), QString::fromLatin1(row.base));
            auto s = StripeSettings::fromConfig(config);
            QVERIFY2(s.ok(), row.key);
            QCOMPARE(s->mode, row.mode);
            QVERIFY(!s->isSandbox());
            QCOMPARE(s->requestKey(), QString::fromLatin1(row.key));
        }
    }

    void keysSelectTestOrLive()
    {
        auto test = StripeSettings::fromConfig(configWith(
            {{QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("sk_test_abc")},
             {QStringLiteral("MPANEL_STRIPE_API_BASE"), QStringLiteral("http://127.0.0.1:12111")},
             {QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), QStringLiteral("whsec_1,whsec_2")}}));
        QVERIFY(test.ok());
        QCOMPARE(test->mode, StripeSettings::Mode::Test);
        QCOMPARE(test->modeName(), QStringLiteral("test"));
        QCOMPARE(test->apiBase, QUrl(QStringLiteral("http://127.0.0.1:12111")));
        QCOMPARE(test->webhookSecrets, (QList<QByteArray>{"whsec_1", "whsec_2"}));

        auto live = StripeSettings::fromConfig(
            configWith({{QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("sk_live_abc")}}));
        QVERIFY(live.ok());
        QCOMPARE(live->mode, StripeSettings::Mode::Live);
        QVERIFY(!live->isSandbox());
    }

    void liveKeysOnlyTravelOverHttps()
    {
        auto s = StripeSettings::fromConfig(configWith(
            {{QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("sk_live_abc")},
             {QStringLiteral("MPANEL_STRIPE_API_BASE"), QStringLiteral("http://127.0.0.1:12111")}}));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("MPANEL_STRIPE_API_BASE"));
    }

    void malformedValuesAreRejectedWithoutEchoingSecrets()
    {
        auto badKey = StripeSettings::fromConfig(configWith(
            {{QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("pk_test_publishable123")}}));
        QVERIFY(!badKey.ok());
        QCOMPARE(badKey.error().field, QStringLiteral("MPANEL_STRIPE_SECRET_KEY"));
        QVERIFY(!badKey.error().message.contains(QStringLiteral("publishable123")));

        for (const char *base : {"ftp://api.stripe.com", "not a url", "https://", "https://x.test/?a=b"}) {
            auto s = StripeSettings::fromConfig(
                configWith({{QStringLiteral("MPANEL_STRIPE_API_BASE"), QString::fromLatin1(base)}}));
            QVERIFY2(!s.ok(), base);
            QCOMPARE(s.error().field, QStringLiteral("MPANEL_STRIPE_API_BASE"));
        }
    }
};

QTEST_APPLESS_MAIN(TestStripeSettings)
#include "tst_stripe_settings.moc"
