#include "payments/stripe_settings.h"

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
    void noKeyMeansSandbox()
    {
        auto s = StripeSettings::fromConfig(Config());
        QVERIFY(s.ok());
        QVERIFY(s->isSandbox());
        QCOMPARE(s->modeName(), QStringLiteral("sandbox"));
        QCOMPARE(s->apiBase, QUrl(QStringLiteral("https://api.stripe.com")));
        QVERIFY(s->webhookSecrets.isEmpty());
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
