#include "core/clock.h"
#include "emulators/stripe_emulator.h"
#include "http/http_server.h"
#include "stripe/stripe_client.h"
#include "stripe/stripe_signature.h"
#include "support/http_client.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace mp;
using mp::test::httpCall;
using mp::test::StripeEmulator;

namespace {

// A webhook endpoint as mPanel's will be: verifies Stripe-Signature over the raw body, answers
// 400 to anything unsigned, and can be told to fail.
class WebhookReceiver {
public:
    explicit WebhookReceiver(QList<QByteArray> secrets) : m_secrets(std::move(secrets))
    {
        m_server.router().add(
            QStringLiteral("POST"), QStringLiteral("/webhooks/stripe"), [this](const HttpRequest &r) {
                headers.append(r.header("Stripe-Signature"));
                auto verified = stripe::verifySignature(r.header("Stripe-Signature"), r.body, m_secrets);
                if (!verified) {
                    ++rejected;
                    return HttpResponse::error(400, verified.error());
                }
                if (onVerified)
                    onVerified();
                if (failNext > 0) {
                    --failNext;
                    return HttpResponse::error(500, QStringLiteral("busy"), QStringLiteral("try later"));
                }
                events.append(QJsonDocument::fromJson(r.body).object());
                return HttpResponse::json(200, QJsonObject{{QStringLiteral("received"), true}});
            });
    }
    bool listen()
    {
        auto port = m_server.listenOn(QStringLiteral("127.0.0.1:0"));
        m_port = port.ok() ? port.value() : 0;
        return port.ok();
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(m_port)); }

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &e : events) {
            if (e.value(QStringLiteral("type")).toString() == type)
                out.append(e);
        }
        return out;
    }
    QStringList types() const
    {
        QStringList out;
        for (const QJsonObject &e : events)
            out << e.value(QStringLiteral("type")).toString();
        return out;
    }

    QList<QJsonObject> events;
    QList<QByteArray> headers;
    int rejected = 0;
    int failNext = 0;
    std::function<void()> onVerified;

private:
    HttpServer m_server;
    QList<QByteArray> m_secrets;
    quint16 m_port = 0;
};

QJsonObject dataObject(const QJsonObject &event)
{
    return event.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
}

QJsonObject readFixture(const QString &name)
{
    QFile file(QStringLiteral(MPANEL_SOURCE_DIR "/tests/fixtures/stripe/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Every key of `fixture` is in `actual`, with the same JSON type wherever both are non-null.
QStringList shapeDifferences(const QJsonObject &fixture, const QJsonObject &actual, const QString &path = {})
{
    QStringList out;
    for (auto it = fixture.begin(); it != fixture.end(); ++it) {
        const QString where = path + u'.' + it.key();
        if (!actual.contains(it.key())) {
            out << where + QStringLiteral(" missing");
            continue;
        }
        const QJsonValue want = it.value();
        const QJsonValue got = actual.value(it.key());
        if (want.isNull() || got.isNull())
            continue;
        if (want.type() != got.type())
            out << where + QStringLiteral(" has another type");
        else if (want.isObject() && it.key() != QLatin1String("metadata")) // metadata is data, not shape
            out << shapeDifferences(want.toObject(), got.toObject(), where);
    }
    return out;
}

const QByteArray kSecret = "whsec_emulator_tests";

} // namespace

class TestStripeEmulator : public QObject {
    Q_OBJECT

    StripeEmulator m_emulator;
    std::unique_ptr<WebhookReceiver> m_receiver;
    const QString m_key = QStringLiteral("sk_test_emulator_tests");

    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_key.toLatin1()}};
    }

    // Creates a session as a client other than ours would: QUrlQuery's encoding (%5B%5D).
    QString createSession(qint64 amount, const QString &reference)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("mode"), QStringLiteral("payment"));
        form.addQueryItem(QStringLiteral("line_items[0][price_data][currency]"), QStringLiteral("eur"));
        form.addQueryItem(QStringLiteral("line_items[0][price_data][unit_amount]"), QString::number(amount));
        form.addQueryItem(QStringLiteral("line_items[0][price_data][product_data][name]"),
                          QStringLiteral("Web hosting L"));
        form.addQueryItem(QStringLiteral("line_items[0][quantity]"), QStringLiteral("1"));
        form.addQueryItem(QStringLiteral("success_url"), QStringLiteral("https://panel.example.com/ok"));
        form.addQueryItem(QStringLiteral("client_reference_id"), reference);
        form.addQueryItem(QStringLiteral("customer_email"), QStringLiteral("buyer@example.com"));
        form.addQueryItem(QStringLiteral("metadata[invoice_id]"), reference);
        form.addQueryItem(QStringLiteral("payment_intent_data[metadata][invoice_id]"), reference);
        auto headers = auth();
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        const QByteArray body = form.toString(QUrl::FullyEncoded).toUtf8();
        auto r = httpCall("POST", url(QStringLiteral("/v1/checkout/sessions")), body, headers);
        return r.status == 200 ? r.json().value(QStringLiteral("id")).toString() : QString();
    }

    QUrl url(const QString &path) const
    {
        QUrl u = m_emulator.baseUrl();
        u.setPath(path);
        return u;
    }

    bool settled() { return m_emulator.webhooks().isIdle(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_emulator.start().ok());
        m_emulator.setApiKey(m_key);
    }

    void init()
    {
        m_receiver = std::make_unique<WebhookReceiver>(QList<QByteArray>{kSecret});
        QVERIFY(m_receiver->listen());
        m_emulator.setWebhookEndpoint(m_receiver->url(), {kSecret});
        m_emulator.webhooks().setOptions(test::StripeWebhookSender::Options{1, false, 4, 20, 5000});
    }

    void cleanup()
    {
        QTRY_VERIFY(settled());
        m_receiver.reset();
    }

    void paymentDeliversSignedEventsThatAgree()
    {
        const QString id = createSession(4900, QStringLiteral("inv-1001"));
        QVERIFY(id.startsWith(QLatin1String("cs_test_")));
        auto paid = m_emulator.pay(id, QStringLiteral("4242 4242 4242 4242"));
        QVERIFY(paid.ok());
        QTRY_COMPARE(m_receiver->events.size(), 4);
        QCOMPARE(m_receiver->rejected, 0);
        QCOMPARE(m_receiver->types(),
                 (QStringList{QStringLiteral("payment_intent.created"), QStringLiteral("charge.succeeded"),
                              QStringLiteral("payment_intent.succeeded"),
                              QStringLiteral("checkout.session.completed")}));

        const QJsonObject completed =
            m_receiver->ofType(QStringLiteral("checkout.session.completed")).first();
        QVERIFY(completed.value(QStringLiteral("id")).toString().startsWith(QLatin1String("evt_")));
        QCOMPARE(completed.value(QStringLiteral("object")).toString(), QStringLiteral("event"));
        QCOMPARE(completed.value(QStringLiteral("livemode")).toBool(), false);
        const QJsonObject session = dataObject(completed);
        QCOMPARE(session.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(session.value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
        QCOMPARE(session.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(session.value(QStringLiteral("amount_total")).toInteger(), 4900);
        QCOMPARE(session.value(QStringLiteral("currency")).toString(), QStringLiteral("eur"));
        QCOMPARE(session.value(QStringLiteral("client_reference_id")).toString(), QStringLiteral("inv-1001"));
        QCOMPARE(session.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("invoice_id"))
                     .toString(),
                 QStringLiteral("inv-1001"));
        QCOMPARE(session.value(QStringLiteral("customer_details"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
                 QStringLiteral("buyer@example.com"));
        QVERIFY(session.value(QStringLiteral("invoice")).isNull());

        const QJsonObject intent =
            dataObject(m_receiver->ofType(QStringLiteral("payment_intent.succeeded")).first());
        const QJsonObject charge = dataObject(m_receiver->ofType(QStringLiteral("charge.succeeded")).first());
        QVERIFY(intent.value(QStringLiteral("id")).toString().startsWith(QLatin1String("pi_")));
        QVERIFY(charge.value(QStringLiteral("id")).toString().startsWith(QLatin1String("ch_")));
        QCOMPARE(session.value(QStringLiteral("payment_intent")), intent.value(QStringLiteral("id")));
        QCOMPARE(intent.value(QStringLiteral("latest_charge")), charge.value(QStringLiteral("id")));
        QCOMPARE(charge.value(QStringLiteral("payment_intent")), intent.value(QStringLiteral("id")));
        QCOMPARE(intent.value(QStringLiteral("amount_received")).toInteger(), 4900);
        QCOMPARE(intent.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(intent.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("invoice_id"))
                     .toString(),
                 QStringLiteral("inv-1001"));
        QCOMPARE(charge.value(QStringLiteral("paid")).toBool(), true);

        // The session is no longer payable.
        QCOMPARE(m_emulator.pay(id, QStringLiteral("4242424242424242")).error().code,
                 QStringLiteral("session_not_open"));
    }

    void eventShapesMatchTheContractFixtures()
    {
        const QString id = createSession(1999, QStringLiteral("inv-shape"));
        QVERIFY(!m_emulator.pay(id, QStringLiteral("4000000000009995")).ok());
        QVERIFY(m_emulator.pay(id, QStringLiteral("4242424242424242")).ok());
        QTRY_COMPARE(m_receiver->events.size(), 6);
        const QString pi = m_emulator.session(id).value(QStringLiteral("payment_intent")).toString();
        StripeSettings s;
        s.mode = StripeSettings::Mode::Test;
        s.secretKey = m_key;
        s.apiBase = m_emulator.baseUrl();
        StripeClient client(s);
        RefundParams refund;
        refund.paymentIntent = pi;
        refund.amount = 500;
        StripeJob *job = client.createRefund(refund, QStringLiteral("shape-refund"));
        QSignalSpy done(job, &StripeJob::finished);
        QVERIFY(done.wait());
        QTRY_COMPARE(m_receiver->events.size(), 8);

        for (const char *type : {"checkout.session.completed", "payment_intent.succeeded",
                                 "payment_intent.payment_failed", "charge.refunded"}) {
            const QString name = QString::fromLatin1(type);
            const QJsonObject fixture = readFixture(name + QStringLiteral(".json"));
            QVERIFY2(!fixture.isEmpty(), type);
            const auto emitted = m_receiver->ofType(name);
            QVERIFY2(!emitted.isEmpty(), type);
            const QStringList diff = shapeDifferences(fixture, emitted.first());
            QVERIFY2(diff.isEmpty(),
                     qPrintable(name + QStringLiteral(": ") + diff.join(QStringLiteral(", "))));
        }
    }

    void declinesKeepTheSessionOpenAndSayWhy()
    {
        const QString id = createSession(2500, QStringLiteral("inv-decline"));
        auto generic = m_emulator.pay(id, QStringLiteral("4000 0000 0000 0002"));
        QVERIFY(!generic.ok());
        QCOMPARE(generic.error().code, QStringLiteral("card_declined"));
        QVERIFY(generic.error().message.contains(QLatin1String("generic_decline")));
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("payment_intent.payment_failed")).size(), 1);
        const QJsonObject failed =
            dataObject(m_receiver->ofType(QStringLiteral("payment_intent.payment_failed")).first());
        QCOMPARE(failed.value(QStringLiteral("status")).toString(),
                 QStringLiteral("requires_payment_method"));
        const QJsonObject lastError = failed.value(QStringLiteral("last_payment_error")).toObject();
        QCOMPARE(lastError.value(QStringLiteral("type")).toString(), QStringLiteral("card_error"));
        QCOMPARE(lastError.value(QStringLiteral("code")).toString(), QStringLiteral("card_declined"));
        QCOMPARE(lastError.value(QStringLiteral("decline_code")).toString(),
                 QStringLiteral("generic_decline"));
        QCOMPARE(m_receiver->ofType(QStringLiteral("charge.failed")).size(), 1);
        QCOMPARE(m_emulator.session(id).value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(m_emulator.session(id).value(QStringLiteral("payment_status")).toString(),
                 QStringLiteral("unpaid"));
        QCOMPARE(m_receiver->ofType(QStringLiteral("checkout.session.completed")).size(), 0);

        // The hosted page answers a decline with Stripe's 402 card_error.
        auto page = httpCall("POST", url(QStringLiteral("/c/pay/") + id), "card=4000+0000+0000+9995",
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(page.status, 402);
        const QJsonObject error = page.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("card_error"));
        QCOMPARE(error.value(QStringLiteral("decline_code")).toString(),
                 QStringLiteral("insufficient_funds"));

        // Another card on the same session succeeds with the same PaymentIntent.
        auto page2 = httpCall("POST", url(QStringLiteral("/c/pay/") + id), "card=4242424242424242",
                              {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(page2.status, 200);
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("checkout.session.completed")).size(), 1);
        QCOMPARE(m_receiver->ofType(QStringLiteral("payment_intent.created")).size(), 1);
        QCOMPARE(dataObject(m_receiver->ofType(QStringLiteral("payment_intent.succeeded")).first())
                     .value(QStringLiteral("id")),
                 failed.value(QStringLiteral("id")));

        QCOMPARE(m_emulator.pay(id, QStringLiteral("1234")).error().code, QStringLiteral("session_not_open"));
        const QString other = createSession(100, QStringLiteral("inv-badcard"));
        QCOMPARE(m_emulator.pay(other, QStringLiteral("5555 5555 5555 4444")).error().code,
                 QStringLiteral("card_number_unsupported"));
    }

    void threeDSecureCardFollowsTheChallenge()
    {
        const QString id = createSession(3000, QStringLiteral("inv-3ds"));
        auto failed =
            m_emulator.pay(id, QStringLiteral("4000 0025 0000 3155"), StripeEmulator::Authentication::Fail);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("payment_intent_authentication_failure"));
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("payment_intent.payment_failed")).size(), 1);
        const QJsonObject pi =
            dataObject(m_receiver->ofType(QStringLiteral("payment_intent.payment_failed")).first());
        QCOMPARE(pi.value(QStringLiteral("last_payment_error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("payment_intent_authentication_failure"));
        QCOMPARE(m_receiver->ofType(QStringLiteral("charge.failed")).size(), 0);
        QCOMPARE(m_emulator.session(id).value(QStringLiteral("status")).toString(), QStringLiteral("open"));

        QVERIFY(m_emulator.pay(id, QStringLiteral("4000002500003155")).ok());
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("checkout.session.completed")).size(), 1);
        QCOMPARE(m_emulator.session(id).value(QStringLiteral("payment_status")).toString(),
                 QStringLiteral("paid"));
    }

    void duplicatesAndShuffledOrder()
    {
        m_emulator.webhooks().setOptions(test::StripeWebhookSender::Options{3, true, 4, 20, 5000});
        const QString id = createSession(1000, QStringLiteral("inv-dupes"));
        QVERIFY(m_emulator.pay(id, QStringLiteral("4242424242424242")).ok());
        QTRY_COMPARE(m_receiver->events.size(), 12);
        QCOMPARE(m_receiver->rejected, 0);
        QHash<QString, int> seen;
        for (const QJsonObject &e : std::as_const(m_receiver->events))
            ++seen[e.value(QStringLiteral("id")).toString()];
        QCOMPARE(seen.size(), 4);
        for (int copies : std::as_const(seen))
            QCOMPARE(copies, 3);
        // Copies are byte-identical events: same id, same type, same object.
        const auto completed = m_receiver->ofType(QStringLiteral("checkout.session.completed"));
        QCOMPARE(completed.size(), 3);
        QCOMPARE(completed.at(0), completed.at(2));
    }

    void failedDeliveriesAreRetriedWithAFreshSignature()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        ScopedClock scope(clock);
        // The endpoint is down for the first two deliveries, and ten minutes pass each time:
        // a retry signed with the old `t` would now be stale.
        m_receiver->failNext = 2;
        m_receiver->onVerified = [&clock] { clock.advance(600 * 1000); };
        const qsizetype before = m_emulator.webhooks().attempts().size();
        const QString id = createSession(1500, QStringLiteral("inv-retry"));
        QVERIFY(m_emulator.pay(id, QStringLiteral("4242424242424242")).ok());
        QTRY_VERIFY(settled());
        QCOMPARE(m_receiver->events.size(), 4);
        QCOMPARE(m_receiver->rejected, 0);
        QCOMPARE(m_emulator.webhooks().deliveredCount() > 0, true);
        QCOMPARE(m_emulator.webhooks().abandonedCount(), 0);
        // The first event was attempted three times, with three different timestamps.
        const auto attempts = m_emulator.webhooks().attempts();
        // The first event failed once, then went through on its second attempt (meanwhile the
        // others were not held up).
        const QString firstEvent = attempts.at(before).eventId;
        QList<int> statuses;
        for (qsizetype k = before; k < attempts.size(); ++k) {
            if (attempts.at(k).eventId == firstEvent)
                statuses << attempts.at(k).status;
        }
        QCOMPARE(statuses, (QList<int>{500, 200}));
        QCOMPARE(attempts.size() - before, 6); // 4 events, 2 of them retried once
        QSet<QByteArray> stamps;
        for (const QByteArray &h : std::as_const(m_receiver->headers))
            stamps.insert(h.split(',').first());
        QVERIFY(stamps.size() >= 3);

        // An endpoint that never recovers: Stripe gives up after its attempts.
        m_receiver->onVerified = nullptr;
        m_receiver->failNext = 1000;
        m_emulator.webhooks().setOptions(test::StripeWebhookSender::Options{1, false, 2, 10, 5000});
        const int abandoned = m_emulator.webhooks().abandonedCount();
        QVERIFY(
            m_emulator.pay(createSession(100, QStringLiteral("inv-down")), QStringLiteral("4242424242424242"))
                .ok());
        QTRY_VERIFY(settled());
        QCOMPARE(m_emulator.webhooks().abandonedCount(), abandoned + 4);
    }

    void rotationSignsWithEverySecret()
    {
        // Stripe signs with the old and the new secret while a roll is under way; an endpoint
        // that already holds only the new one accepts.
        m_receiver = std::make_unique<WebhookReceiver>(QList<QByteArray>{"whsec_new"});
        QVERIFY(m_receiver->listen());
        m_emulator.setWebhookEndpoint(m_receiver->url(), {"whsec_old", "whsec_new"});
        QVERIFY(
            m_emulator.pay(createSession(700, QStringLiteral("inv-roll")), QStringLiteral("4242424242424242"))
                .ok());
        QTRY_COMPARE(m_receiver->events.size(), 4);
        QCOMPARE(m_receiver->rejected, 0);
        QCOMPARE(m_receiver->headers.first().count(",v1="), 2);

        // An endpoint with a secret Stripe does not sign with rejects everything.
        m_receiver = std::make_unique<WebhookReceiver>(QList<QByteArray>{"whsec_unrelated"});
        QVERIFY(m_receiver->listen());
        m_emulator.setWebhookEndpoint(m_receiver->url(), {"whsec_new"});
        m_emulator.webhooks().setOptions(test::StripeWebhookSender::Options{1, false, 1, 10, 5000});
        QVERIFY(m_emulator
                    .pay(createSession(700, QStringLiteral("inv-roll2")), QStringLiteral("4242424242424242"))
                    .ok());
        QTRY_COMPARE(m_receiver->rejected, 4);
        QVERIFY(m_receiver->events.isEmpty());
    }

    void refundsEmitChargeRefundedWithTheRequest()
    {
        const QString id = createSession(2000, QStringLiteral("inv-refund"));
        QVERIFY(m_emulator.pay(id, QStringLiteral("4242424242424242")).ok());
        QTRY_COMPARE(m_receiver->events.size(), 4);
        const QString pi = m_emulator.session(id).value(QStringLiteral("payment_intent")).toString();
        auto headers = auth();
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        headers.append(qMakePair(QByteArray("Idempotency-Key"), QByteArray("mpanel-refund-7")));
        auto partial = httpCall("POST", url(QStringLiteral("/v1/refunds")),
                                "payment_intent=" + pi.toLatin1() + "&amount=500", headers);
        QCOMPARE(partial.status, 200);
        QVERIFY(partial.header("Request-Id").startsWith("req_"));
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("charge.refunded")).size(), 1);
        const QJsonObject event = m_receiver->ofType(QStringLiteral("charge.refunded")).first();
        const QJsonObject charge = dataObject(event);
        QCOMPARE(charge.value(QStringLiteral("amount_refunded")).toInteger(), 500);
        QCOMPARE(charge.value(QStringLiteral("refunded")).toBool(), false);
        QCOMPARE(event.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("previous_attributes"))
                     .toObject()
                     .value(QStringLiteral("amount_refunded"))
                     .toInteger(),
                 0);
        const QJsonObject request = event.value(QStringLiteral("request")).toObject();
        QCOMPARE(request.value(QStringLiteral("idempotency_key")).toString(),
                 QStringLiteral("mpanel-refund-7"));
        QCOMPARE(request.value(QStringLiteral("id")).toString(),
                 QString::fromLatin1(partial.header("Request-Id")));
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("refund.created")).size(), 1);

        // A replay answers the same refund and emits nothing new.
        auto replay = httpCall("POST", url(QStringLiteral("/v1/refunds")),
                               "payment_intent=" + pi.toLatin1() + "&amount=500", headers);
        QCOMPARE(replay.json(), partial.json());
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));

        headers.last().second = "mpanel-refund-8";
        auto rest =
            httpCall("POST", url(QStringLiteral("/v1/refunds")), "payment_intent=" + pi.toLatin1(), headers);
        QCOMPARE(rest.status, 200);
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("charge.refunded")).size(), 2);
        const QJsonObject full = dataObject(m_receiver->ofType(QStringLiteral("charge.refunded")).last());
        QCOMPARE(full.value(QStringLiteral("amount_refunded")).toInteger(), 2000);
        QCOMPARE(full.value(QStringLiteral("refunded")).toBool(), true);
    }

    void expiredSessionsEmitTheirEvent()
    {
        const QString id = createSession(300, QStringLiteral("inv-expire"));
        QVERIFY(m_emulator.expire(id).ok());
        QTRY_COMPARE(m_receiver->ofType(QStringLiteral("checkout.session.expired")).size(), 1);
        QCOMPARE(m_emulator.session(id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("expired"));
        QVERIFY(!m_emulator.pay(id, QStringLiteral("4242424242424242")).ok());
    }

    void apiKeysAndErrorShapes()
    {
        auto none = httpCall("GET", url(QStringLiteral("/v1/checkout/sessions/cs_test_x")));
        QCOMPARE(none.status, 401);
        QCOMPARE(
            none.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("invalid_request_error"));
        auto live = httpCall("GET", url(QStringLiteral("/v1/checkout/sessions/cs_test_x")), {},
                             {{"Authorization", "Bearer sk_live_abcdefgh1234"}});
        QCOMPARE(live.status, 401);
        const QString message =
            live.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        QVERIFY(message.contains(QLatin1String("sk_live_****1234")));
        QVERIFY(!message.contains(QLatin1String("abcdefgh")));

        auto missing = httpCall("GET", url(QStringLiteral("/v1/checkout/sessions/cs_test_x")), {}, auth());
        QCOMPARE(missing.status, 404);
        const QJsonObject error = missing.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("resource_missing"));
        QCOMPARE(error.value(QStringLiteral("param")).toString(), QStringLiteral("session"));

        auto page =
            httpCall("GET", url(QStringLiteral("/c/pay/") + createSession(1234, QStringLiteral("inv-page"))));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("12.34 EUR"));
    }
};

QTEST_GUILESS_MAIN(TestStripeEmulator)
#include "tst_stripe_emulator.moc"
