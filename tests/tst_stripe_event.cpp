#include "stripe/stripe_event.h"

#include <QFile>
#include <QTest>

using namespace mp;

namespace {
QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(MPANEL_SOURCE_DIR "/tests/fixtures/stripe/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

class TestStripeEvent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesParse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("objectType");
        QTest::addColumn<QString>("paymentIntent");
        QTest::newRow("completed") << QStringLiteral("checkout.session.completed.json")
                                   << QStringLiteral("checkout.session.completed")
                                   << QStringLiteral("checkout.session")
                                   << QStringLiteral("pi_3TestPaymentIntent0001");
        QTest::newRow("succeeded") << QStringLiteral("payment_intent.succeeded.json")
                                   << QStringLiteral("payment_intent.succeeded")
                                   << QStringLiteral("payment_intent")
                                   << QStringLiteral("pi_3TestPaymentIntent0001");
        QTest::newRow("failed") << QStringLiteral("payment_intent.payment_failed.json")
                                << QStringLiteral("payment_intent.payment_failed")
                                << QStringLiteral("payment_intent")
                                << QStringLiteral("pi_3TestPaymentIntent0003");
        QTest::newRow("async failed")
            << QStringLiteral("checkout.session.async_payment_failed.json")
            << QStringLiteral("checkout.session.async_payment_failed") << QStringLiteral("checkout.session")
            << QStringLiteral("pi_3TestPaymentIntent0002");
        QTest::newRow("refunded") << QStringLiteral("charge.refunded.json")
                                  << QStringLiteral("charge.refunded") << QStringLiteral("charge")
                                  << QStringLiteral("pi_3TestPaymentIntent0001");
    }

    void fixturesParse()
    {
        QFETCH(QString, file);
        QFETCH(QString, type);
        QFETCH(QString, objectType);
        QFETCH(QString, paymentIntent);
        auto event = parseStripeEvent(readFixture(file));
        QVERIFY2(event.ok(), qPrintable(file));
        QVERIFY(event->id.startsWith(QLatin1String("evt_")));
        QCOMPARE(event->type, type);
        QCOMPARE(event->objectType(), objectType);
        QCOMPARE(event->paymentIntentId(), paymentIntent);
        QCOMPARE(event->apiVersion, QStringLiteral("2024-06-20"));
        QVERIFY(event->created > 1600000000);
        QVERIFY(!event->livemode);
    }

    void completionAndSuccessNameTheSamePayment()
    {
        // Several events, one payment: the dedupe key the payments module needs.
        auto completed = parseStripeEvent(readFixture(QStringLiteral("checkout.session.completed.json")));
        auto succeeded = parseStripeEvent(readFixture(QStringLiteral("payment_intent.succeeded.json")));
        QVERIFY(completed.ok() && succeeded.ok());
        QVERIFY(completed->id != succeeded->id);
        QCOMPARE(completed->paymentIntentId(), succeeded->paymentIntentId());
    }

    void refundCarriesPreviousAttributesAndItsRequest()
    {
        auto refunded = parseStripeEvent(readFixture(QStringLiteral("charge.refunded.json")));
        QVERIFY(refunded.ok());
        QCOMPARE(refunded->previousAttributes.value(QStringLiteral("amount_refunded")).toInteger(), 0);
        QCOMPARE(refunded->object.value(QStringLiteral("amount_refunded")).toInteger(), 500);
        QCOMPARE(refunded->requestId, QStringLiteral("req_TestRefundCreate"));
        QCOMPARE(refunded->idempotencyKey, QStringLiteral("mpanel-refund-7"));
        auto completed = parseStripeEvent(readFixture(QStringLiteral("checkout.session.completed.json")));
        QVERIFY(completed->requestId.isEmpty()); // null: the customer, not an API call
    }

    void nonEventsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("t=1,v1=abc");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("not an event") << QByteArray(R"({"id":"ch_1","object":"charge"})");
        QTest::newRow("no type") << QByteArray(
            R"({"id":"evt_1","object":"event","data":{"object":{"id":"x"}}})");
        QTest::newRow("no data") << QByteArray(R"({"id":"evt_1","object":"event","type":"charge.refunded"})");
    }

    void nonEventsAreRejected()
    {
        QFETCH(QByteArray, body);
        auto event = parseStripeEvent(body);
        QVERIFY(!event.ok());
        QCOMPARE(event.error().code, QStringLiteral("stripe_event_invalid"));
    }

    void unknownFieldsAndUtf8AreKept()
    {
        auto event = parseStripeEvent(readFixture(QStringLiteral("utf8-body.json")));
        QVERIFY(event.ok());
        QCOMPARE(event->object.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Gr\u00f6\u00dfe \u2013 \u6771\u4eac \u2713"));
        QVERIFY(event->paymentIntentId().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestStripeEvent)
#include "tst_stripe_event.moc"
