#include "emulators/stripe_emulator.h"
#include "http/http_server.h"
#include "stripe/stripe_blocking.h"
#include "stripe/stripe_client.h"
#include "support/http_client.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <atomic>
#include <thread>

using namespace mp;
using mp::test::StripeEmulator;

namespace {

struct Outcome {
    StripeResult result;
    stripe::StripeError stripeError;
    int attempts = 0;
    QString code() const { return result.ok() ? QString() : result.error().code; }
    QString describe() const
    {
        return result.ok()
                   ? QStringLiteral("ok")
                   : result.error().code + u' ' + result.error().message + u' ' + result.error().field;
    }
};

// Waits for a job the way a caller's slot would see it.
Outcome await(StripeJob *job, int timeoutMs = 15000)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &StripeJob::finished);
    if (!job->isFinished())
        spy.wait(timeoutMs);
    if (!job->isFinished()) {
        job->abort();
        delete job;
        return Outcome{
            makeError(QStringLiteral("test_timeout"), QStringLiteral("the job never finished")), {}, 0};
    }
    Outcome outcome{job->result(), job->stripeError(), job->attempts()};
    delete job;
    return outcome;
}

// The session of stripe/wire-capture.txt, field for field.
CheckoutSessionParams wireCaptureSession()
{
    CheckoutSessionParams p;
    p.currency = QStringLiteral("USD");
    p.lineItems = {CheckoutLineItem{QStringLiteral("VPS S (1 month)"), {}, 1999, 1}};
    p.successUrl =
        QStringLiteral("https://panel.example.com/billing/success?session_id={CHECKOUT_SESSION_ID}");
    p.cancelUrl = QStringLiteral("https://panel.example.com/billing/cancel");
    p.clientReferenceId = QStringLiteral("invoice-1042");
    p.customerEmail = QStringLiteral("buyer@example.com");
    p.metadata = {{QStringLiteral("order_id"), QStringLiteral("42")},
                  {QStringLiteral("mpanel_invoice"), QStringLiteral("INV-1042")}};
    p.paymentIntentMetadata = {{QStringLiteral("order_id"), QStringLiteral("42")}};
    return p;
}

const QByteArray kWireBody =
    "mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=1999"
    "&line_items[0][price_data][product_data][name]=VPS%20S%20%281%20month%29&line_items[0][quantity]=1"
    "&success_url=https%3A%2F%2Fpanel.example.com%2Fbilling%2Fsuccess%3Fsession_id%3D%7BCHECKOUT_SESSION_ID%"
    "7D"
    "&cancel_url=https%3A%2F%2Fpanel.example.com%2Fbilling%2Fcancel&client_reference_id=invoice-1042"
    "&customer_email=buyer%40example.com&metadata[order_id]=42&metadata[mpanel_invoice]=INV-1042"
    "&payment_intent_data[metadata][order_id]=42";

} // namespace

class TestStripeClient : public QObject {
    Q_OBJECT

    StripeEmulator m_emulator;
    const QString m_key = QStringLiteral("sk_test_mpanel_client_tests");

    StripeSettings settings() const
    {
        StripeSettings s;
        s.mode = StripeSettings::Mode::Test;
        s.secretKey = m_key;
        s.apiBase = m_emulator.baseUrl();
        s.timeoutMs = 10000; // generous: a loaded CI machine must not turn into retries
        s.maxRetries = 2;
        s.retryBaseDelayMs = 10;
        s.retryMaxDelayMs = 40;
        return s;
    }

    QList<StripeEmulator::RecordedRequest> requestsTo(const QString &path) const
    {
        QList<StripeEmulator::RecordedRequest> out;
        for (const auto &r : m_emulator.requests()) {
            if (r.path == path)
                out.append(r);
        }
        return out;
    }

    // A paid session's PaymentIntent id.
    QString paidPaymentIntent(StripeClient &client, qint64 amount)
    {
        CheckoutSessionParams p = wireCaptureSession();
        p.lineItems.first().unitAmount = amount;
        auto created = await(client.createCheckoutSession(p, StripeEmulator::newId(QStringLiteral("key_"))));
        if (!created.result.ok())
            return {};
        auto paid = m_emulator.pay(created.result->value(QStringLiteral("id")).toString(),
                                   QStringLiteral("4242424242424242"));
        return paid.ok() ? paid->value(QStringLiteral("payment_intent")).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_emulator.start().ok());
        m_emulator.setApiKey(m_key);
    }

    void init()
    {
        m_emulator.clearFaults();
        m_emulator.clearRequests();
    }

    void formEncodingMatchesTheWireCapture()
    {
        auto form = wireCaptureSession().toForm();
        QVERIFY(form.ok());
        QCOMPARE(form->encode(), kWireBody);
        // Decoding gives back every pair, brackets and all.
        const auto pairs = stripe::FormParams::decode(kWireBody).pairs();
        QCOMPARE(pairs, form->pairs());
        // Other encoders: %5B/%5D for brackets and '+' for a space decode the same.
        const auto other = stripe::FormParams::decode("metadata%5Bnote%5D=two+words&x=a%2Bb");
        QCOMPARE(other.value(QStringLiteral("metadata[note]")), QStringLiteral("two words"));
        QCOMPARE(other.value(QStringLiteral("x")), QStringLiteral("a+b"));
    }

    void createSessionSendsStripesWireFormat()
    {
        StripeClient client(settings());
        auto out = await(
            client.createCheckoutSession(wireCaptureSession(), QStringLiteral("mpanel-order-42-checkout-1")));
        QVERIFY2(out.result.ok(), qPrintable(out.describe()));
        const QJsonObject session = out.result.value();
        QVERIFY(session.value(QStringLiteral("id")).toString().startsWith(QLatin1String("cs_test_")));
        QCOMPARE(session.value(QStringLiteral("object")).toString(), QStringLiteral("checkout.session"));
        QCOMPARE(session.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(session.value(QStringLiteral("payment_status")).toString(), QStringLiteral("unpaid"));
        QCOMPARE(session.value(QStringLiteral("amount_total")).toInteger(), 1999);
        QCOMPARE(session.value(QStringLiteral("currency")).toString(), QStringLiteral("usd"));
        QCOMPARE(session.value(QStringLiteral("client_reference_id")).toString(),
                 QStringLiteral("invoice-1042"));
        QCOMPARE(session.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("mpanel_invoice"))
                     .toString(),
                 QStringLiteral("INV-1042"));
        QVERIFY(session.value(QStringLiteral("url"))
                    .toString()
                    .contains(session.value(QStringLiteral("id")).toString()));
        QCOMPARE(out.attempts, 1);

        const auto sent = requestsTo(QStringLiteral("/v1/checkout/sessions"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().method, QStringLiteral("POST"));
        QCOMPARE(sent.first().body, kWireBody);
        QCOMPARE(sent.first().header("Authorization"), "Bearer " + m_key.toLatin1());
        QCOMPARE(sent.first().header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(sent.first().header("Idempotency-Key"), QByteArray("mpanel-order-42-checkout-1"));
        QCOMPARE(sent.first().header("Stripe-Version"), client.settings().apiVersion.toLatin1());
    }

    void doubleClickMakesOneSession()
    {
        StripeClient client(settings());
        const int before = m_emulator.sessionCount();
        // Both in flight at once, as from a double click.
        StripeJob *first =
            client.createCheckoutSession(wireCaptureSession(), QStringLiteral("invoice-7-pay-1"));
        StripeJob *second =
            client.createCheckoutSession(wireCaptureSession(), QStringLiteral("invoice-7-pay-1"));
        auto a = await(first);
        auto b = await(second);
        QVERIFY(a.result.ok() && b.result.ok());
        QCOMPARE(a.result->value(QStringLiteral("id")), b.result->value(QStringLiteral("id")));
        QCOMPARE(m_emulator.sessionCount(), before + 1);

        // The same key with other parameters is Stripe's idempotency_error, not retried.
        CheckoutSessionParams other = wireCaptureSession();
        other.lineItems.first().unitAmount = 2999;
        auto c = await(client.createCheckoutSession(other, QStringLiteral("invoice-7-pay-1")));
        QCOMPARE(c.code(), QStringLiteral("stripe_idempotency_error"));
        QCOMPARE(c.stripeError.httpStatus, 400);
        QCOMPARE(c.attempts, 1);
        QCOMPARE(m_emulator.sessionCount(), before + 1);
    }

    void stripeErrorsBecomeReadableErrorsWithTheField()
    {
        StripeClient client(settings());
        // Bypass the client's own checks to see the server's answer.
        stripe::FormParams form;
        form.add(QStringLiteral("mode"), QStringLiteral("payment"));
        form.add(QStringLiteral("line_items[0][price_data][unit_amount]"), 1999);
        form.add(QStringLiteral("line_items[0][price_data][product_data][name]"), QStringLiteral("VPS"));
        form.add(QStringLiteral("line_items[0][quantity]"), 1);
        form.add(QStringLiteral("success_url"), QStringLiteral("https://panel.example.com/ok"));
        auto out = await(
            client.post(QStringLiteral("/v1/checkout/sessions"), form, QStringLiteral("k-missing-currency")));
        QVERIFY(!out.result.ok());
        QCOMPARE(out.code(), QStringLiteral("stripe_invalid_request"));
        QCOMPARE(out.result.error().field, QStringLiteral("line_items[0][price_data][currency]"));
        QVERIFY(out.result.error().message.contains(QLatin1String("Missing required param")));
        QVERIFY(out.result.error().message.contains(QLatin1String("parameter_missing")));
        QCOMPARE(out.stripeError.code, QStringLiteral("parameter_missing"));
        QVERIFY(out.stripeError.requestId.startsWith(QLatin1String("req_")));
        QCOMPARE(out.attempts, 1); // a 400 is never retried

        form.add(QStringLiteral("line_items[0][price_data][currency]"), QStringLiteral("usd"));
        form.add(QStringLiteral("shipping"), QStringLiteral("yes"));
        out = await(client.post(QStringLiteral("/v1/checkout/sessions"), form, QStringLiteral("k-unknown")));
        QCOMPARE(out.stripeError.code, QStringLiteral("parameter_unknown"));
        QCOMPARE(out.result.error().field, QStringLiteral("shipping"));

        // Validation failures are not remembered under the key: fixed, the same key works.
        stripe::FormParams fixed = stripe::FormParams::decode(kWireBody);
        out = await(client.post(QStringLiteral("/v1/checkout/sessions"), fixed,
                                QStringLiteral("k-missing-currency")));
        QVERIFY(out.result.ok());
    }

    void clientChecksParametersBeforeSending()
    {
        StripeClient client(settings());
        CheckoutSessionParams p = wireCaptureSession();
        p.currency = QStringLiteral("dollars");
        auto out = await(client.createCheckoutSession(p, QStringLiteral("k1")));
        QCOMPARE(out.code(), QStringLiteral("stripe_invalid_params"));
        QCOMPARE(out.result.error().field, QStringLiteral("currency"));
        out = await(client.createCheckoutSession(wireCaptureSession(), QString()));
        QCOMPARE(out.result.error().field, QStringLiteral("Idempotency-Key"));
        out = await(client.retrieveCheckoutSession(QStringLiteral("../../v1/refunds")));
        QCOMPARE(out.code(), QStringLiteral("stripe_invalid_params"));
        RefundParams both;
        both.paymentIntent = QStringLiteral("pi_1");
        both.charge = QStringLiteral("ch_1");
        out = await(client.createRefund(both, QStringLiteral("r1")));
        QCOMPARE(out.code(), QStringLiteral("stripe_invalid_params"));
        QVERIFY(m_emulator.requests().isEmpty());
    }

    void retriesServerErrorsAndRateLimitsWithTheSameKey_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("count");
        QTest::newRow("500 twice") << int(StripeEmulator::Fault::ServerError) << 2;
        QTest::newRow("429 once") << int(StripeEmulator::Fault::RateLimit) << 1;
        QTest::newRow("409 in flight") << int(StripeEmulator::Fault::Conflict) << 1;
        QTest::newRow("connection dropped") << int(StripeEmulator::Fault::Drop) << 2;
        QTest::newRow("dropped after it was done") << int(StripeEmulator::Fault::DropAfterProcessing) << 1;
    }

    void retriesServerErrorsAndRateLimitsWithTheSameKey()
    {
        QFETCH(int, fault);
        QFETCH(int, count);
        StripeClient client(settings());
        const int before = m_emulator.sessionCount();
        m_emulator.failNext(StripeEmulator::Fault(fault), count);
        auto out = await(
            client.createCheckoutSession(wireCaptureSession(), StripeEmulator::newId(QStringLiteral("k_"))));
        QVERIFY2(out.result.ok(), qPrintable(out.describe()));
        // A connection that closes unanswered may be resent once by QNetworkAccessManager itself
        // (a reused keep-alive connection), before our retry: fine, with the same key.
        const bool dropped = fault == int(StripeEmulator::Fault::Drop) ||
                             fault == int(StripeEmulator::Fault::DropAfterProcessing);
        if (dropped)
            QVERIFY(out.attempts >= 1 && out.attempts <= count + 1);
        else
            QCOMPARE(out.attempts, count + 1);
        const auto sent = requestsTo(QStringLiteral("/v1/checkout/sessions"));
        QCOMPARE(sent.size(), count + 1);
        for (const auto &r : sent) {
            QCOMPARE(r.header("Idempotency-Key"), sent.first().header("Idempotency-Key"));
            QCOMPARE(r.body, sent.first().body);
        }
        // Whatever happened on the way, one session exists.
        QCOMPARE(m_emulator.sessionCount(), before + 1);
    }

    void givesUpAfterMaxRetries()
    {
        StripeClient client(settings());
        m_emulator.failNext(StripeEmulator::Fault::ServerError, 5);
        auto out = await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("k-give-up")));
        QCOMPARE(out.code(), QStringLiteral("stripe_api_error"));
        QCOMPARE(out.stripeError.httpStatus, 500);
        QCOMPARE(out.attempts, 3);
    }

    void timesOutAndRetriesASilentServer()
    {
        StripeSettings s = settings();
        s.timeoutMs = 1000;
        s.maxRetries = 1;
        StripeClient client(s);
        m_emulator.failNext(StripeEmulator::Fault::Hang, 1);
        auto out = await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("k-hang-once")));
        QVERIFY(out.result.ok());
        QCOMPARE(out.attempts, 2);

        m_emulator.failNext(StripeEmulator::Fault::Hang, 2);
        out = await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("k-hang-twice")));
        QCOMPARE(out.code(), QStringLiteral("stripe_timeout"));
        QCOMPARE(out.attempts, 2);
    }

    void abortEndsTheJob()
    {
        StripeClient client(settings());
        m_emulator.failNext(StripeEmulator::Fault::Hang, 1);
        StripeJob *job = client.retrieveCheckoutSession(QStringLiteral("cs_test_whatever"));
        job->setAutoDelete(false);
        QSignalSpy spy(job, &StripeJob::finished);
        QTRY_COMPARE(requestsTo(QStringLiteral("/v1/checkout/sessions/cs_test_whatever")).size(), 1);
        job->abort();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(job->result().error().code, QStringLiteral("stripe_aborted"));
        delete job;
    }

    void badKeyIs401AndNotRetried()
    {
        StripeSettings s = settings();
        s.secretKey = QStringLiteral("sk_test_wrong_key_1234");
        StripeClient client(s);
        auto out = await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("k-401")));
        QCOMPARE(out.code(), QStringLiteral("stripe_authentication_error"));
        QCOMPARE(out.stripeError.httpStatus, 401);
        // Classified by status although the body says invalid_request_error (stripe.md section 5).
        QCOMPARE(out.stripeError.type, QStringLiteral("invalid_request_error"));
        QCOMPARE(out.attempts, 1);
        QVERIFY(!out.result.error().message.contains(QLatin1String("wrong_key")));
    }

    // The error bodies of wire-capture.txt, served as a recorder did, map like stripe-node's.
    void capturedErrorBodiesMapLikeTheOfficialClient_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("attempts");
        QTest::newRow("402 card")
            << 402
            << QByteArray(
                   R"({"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","charge":"ch_test_1"}})")
            << QStringLiteral("stripe_card_error") << QString() << 1;
        QTest::newRow("400 missing")
            << 400
            << QByteArray(
                   R"({"error":{"type":"invalid_request_error","code":"parameter_missing","param":"line_items[0][price_data][currency]","message":"Missing required param: line_items[0][price_data][currency]."}})")
            << QStringLiteral("stripe_invalid_request")
            << QStringLiteral("line_items[0][price_data][currency]") << 1;
        QTest::newRow("400 idempotency")
            << 400
            << QByteArray(
                   R"({"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}})")
            << QStringLiteral("stripe_idempotency_error") << QString() << 1;
        QTest::newRow("401")
            << 401
            << QByteArray(
                   R"({"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****"}})")
            << QStringLiteral("stripe_authentication_error") << QString() << 1;
        QTest::newRow("403") << 403
                             << QByteArray(R"({"error":{"type":"invalid_request_error","message":"no"}})")
                             << QStringLiteral("stripe_permission_error") << QString() << 1;
        QTest::newRow("404")
            << 404
            << QByteArray(
                   R"({"error":{"type":"invalid_request_error","code":"resource_missing","param":"intent","message":"No such payment_intent"}})")
            << QStringLiteral("stripe_invalid_request") << QStringLiteral("intent") << 1;
        QTest::newRow("429 retried")
            << 429
            << QByteArray(
                   R"({"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}})")
            << QStringLiteral("stripe_rate_limit") << QString() << 2;
        QTest::newRow("400 rate_limit")
            << 400
            << QByteArray(
                   R"({"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}})")
            << QStringLiteral("stripe_rate_limit") << QString() << 1;
        QTest::newRow("503 not json")
            << 503 << QByteArray("<html>down</html>") << QStringLiteral("stripe_api_error") << QString() << 2;
    }

    void capturedErrorBodiesMapLikeTheOfficialClient()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(int, attempts);
        HttpServer recorder;
        int hits = 0;
        recorder.router().add(
            QStringLiteral("POST"), QStringLiteral("/v1/refunds"), [&](const HttpRequest &) {
                ++hits;
                HttpResponse r;
                r.status = status;
                r.body = body;
                r.headers.append(qMakePair(QByteArray("Request-Id"), QByteArray("req_test123")));
                return r;
            });
        auto port = recorder.listenOn(QStringLiteral("127.0.0.1:0"));
        QVERIFY(port.ok());
        StripeSettings s = settings();
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port.value()));
        s.maxRetries = 1;
        StripeClient client(s);
        RefundParams refund;
        refund.paymentIntent = QStringLiteral("pi_x");
        auto out = await(client.createRefund(refund, QStringLiteral("k-recorded")));
        QCOMPARE(out.code(), code);
        QCOMPARE(out.result.error().field, field);
        QCOMPARE(out.attempts, attempts);
        QCOMPARE(hits, attempts);
        QCOMPARE(out.stripeError.httpStatus, status);
        QCOMPARE(out.stripeError.requestId, QStringLiteral("req_test123"));
        if (status == 402) {
            QCOMPARE(out.stripeError.declineCode, QStringLiteral("insufficient_funds"));
            QCOMPARE(out.stripeError.charge, QStringLiteral("ch_test_1"));
            QCOMPARE(out.result.error().message,
                     QStringLiteral(
                         "Stripe: Your card has insufficient funds. (card_declined, insufficient_funds, "
                         "HTTP 402, req_test123)"));
        }
    }

    void stripeShouldRetryHeaderWins()
    {
        HttpServer recorder;
        int hits = 0;
        recorder.router().add(QStringLiteral("GET"), QStringLiteral("/v1/payment_intents/{id}"),
                              [&](const HttpRequest &) {
                                  ++hits;
                                  HttpResponse r = HttpResponse::json(hits == 1 ? 400 : 500, QJsonObject{});
                                  r.headers.append(qMakePair(QByteArray("Stripe-Should-Retry"),
                                                             QByteArray(hits == 1 ? "true" : "false")));
                                  return r;
                              });
        auto port = recorder.listenOn(QStringLiteral("127.0.0.1:0"));
        QVERIFY(port.ok());
        StripeSettings s = settings();
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port.value()));
        StripeClient client(s);
        auto out = await(client.retrievePaymentIntent(QStringLiteral("pi_1")));
        // 400 retried because Stripe said so; the 500 then not, because Stripe said so.
        QCOMPARE(hits, 2);
        QCOMPARE(out.code(), QStringLiteral("stripe_api_error"));
    }

    void retrievesSessionsAndPaymentIntents()
    {
        StripeClient client(settings());
        auto created =
            await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("k-retrieve")));
        QVERIFY2(created.result.ok(), qPrintable(created.describe()));
        const QString id = created.result->value(QStringLiteral("id")).toString();
        QVERIFY(m_emulator.pay(id, QStringLiteral("4242 4242 4242 4242")).ok());

        auto session = await(client.retrieveCheckoutSession(id));
        QVERIFY(session.result.ok());
        QCOMPARE(session.result->value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
        QCOMPARE(session.result->value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
        const QString pi = session.result->value(QStringLiteral("payment_intent")).toString();
        QVERIFY(pi.startsWith(QLatin1String("pi_")));

        auto intent = await(client.retrievePaymentIntent(pi));
        QVERIFY(intent.result.ok());
        QCOMPARE(intent.result->value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(intent.result->value(QStringLiteral("amount_received")).toInteger(), 1999);
        // payment_intent_data[metadata], not the session's metadata.
        QCOMPARE(intent.result->value(QStringLiteral("metadata")).toObject(),
                 (QJsonObject{{QStringLiteral("order_id"), QStringLiteral("42")}}));
        QCOMPARE(requestsTo(QStringLiteral("/v1/payment_intents/") + pi).first().method,
                 QStringLiteral("GET"));

        auto missing = await(client.retrievePaymentIntent(QStringLiteral("pi_nope")));
        QCOMPARE(missing.code(), QStringLiteral("stripe_invalid_request"));
        QCOMPARE(missing.stripeError.code, QStringLiteral("resource_missing"));
        QCOMPARE(missing.result.error().field, QStringLiteral("intent"));
        QCOMPARE(missing.attempts, 1);
        missing = await(client.retrieveCheckoutSession(QStringLiteral("cs_test_nope")));
        QCOMPARE(missing.result.error().field, QStringLiteral("session"));
    }

    void refundsPartlyThenFullyOnce()
    {
        StripeClient client(settings());
        const QString pi = paidPaymentIntent(client, 1999);
        QVERIFY(!pi.isEmpty());

        RefundParams partial;
        partial.paymentIntent = pi;
        partial.amount = 500;
        partial.reason = QStringLiteral("requested_by_customer");
        auto first = await(client.createRefund(partial, QStringLiteral("mpanel-refund-7")));
        QVERIFY2(first.result.ok(), qPrintable(first.describe()));
        QVERIFY(first.result->value(QStringLiteral("id")).toString().startsWith(QLatin1String("re_")));
        QCOMPARE(first.result->value(QStringLiteral("amount")).toInteger(), 500);
        QCOMPARE(first.result->value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(first.result->value(QStringLiteral("payment_intent")).toString(), pi);
        QCOMPARE(requestsTo(QStringLiteral("/v1/refunds")).last().body,
                 "payment_intent=" + pi.toLatin1() + "&amount=500&reason=requested_by_customer");

        // The same refund request again (a retried job) is the same refund.
        const int refunds = m_emulator.refundCount();
        auto again = await(client.createRefund(partial, QStringLiteral("mpanel-refund-7")));
        QCOMPARE(again.result->value(QStringLiteral("id")), first.result->value(QStringLiteral("id")));
        QCOMPARE(m_emulator.refundCount(), refunds);

        RefundParams tooMuch = partial;
        tooMuch.amount = 1500;
        auto rejected = await(client.createRefund(tooMuch, QStringLiteral("mpanel-refund-8")));
        QCOMPARE(rejected.code(), QStringLiteral("stripe_invalid_request"));
        QCOMPARE(rejected.stripeError.code, QStringLiteral("amount_too_large"));
        QCOMPARE(rejected.result.error().field, QStringLiteral("amount"));

        RefundParams rest;
        rest.paymentIntent = pi; // no amount: whatever is left
        auto full = await(client.createRefund(rest, QStringLiteral("mpanel-refund-9")));
        QVERIFY(full.result.ok());
        QCOMPARE(full.result->value(QStringLiteral("amount")).toInteger(), 1499);
        const QString charge = full.result->value(QStringLiteral("charge")).toString();
        QCOMPARE(m_emulator.charge(charge).value(QStringLiteral("refunded")).toBool(), true);

        auto none = await(client.createRefund(rest, QStringLiteral("mpanel-refund-10")));
        QCOMPARE(none.stripeError.code, QStringLiteral("charge_already_refunded"));
    }

    void blockingCallRunsOnAWorkerThreadOnly()
    {
        StripeClient client(settings());
        auto created =
            await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("k-blocking")));
        QVERIFY2(created.result.ok(), qPrintable(created.describe()));
        const QString id = created.result->value(QStringLiteral("id")).toString();

        // The main thread is refused: it would be a nested event loop.
        auto refused =
            runStripeCall(settings(), [&](StripeClient &c) { return c.retrieveCheckoutSession(id); });
        QCOMPARE(refused.error().code, QStringLiteral("stripe_blocking_not_allowed"));

        // A plain thread, like a job worker's, gets its answer while the emulator keeps serving
        // from this thread's event loop.
        std::atomic_bool done = false;
        std::optional<StripeResult> result;
        const StripeSettings s = settings();
        std::thread worker([&] {
            result = runStripeCall(s, [&](StripeClient &c) { return c.retrieveCheckoutSession(id); });
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 10000);
        worker.join();
        QVERIFY(result->ok());
        QCOMPARE(result->value().value(QStringLiteral("id")).toString(), id);

        // A stop request (a job's cancel) aborts a call that hangs.
        m_emulator.failNext(StripeEmulator::Fault::Hang, 1);
        std::atomic_bool stop = false;
        done = false;
        std::thread stopped([&] {
            StripeSettings slow = s;
            slow.timeoutMs = 30000;
            result = runStripeCall(
                slow, [&](StripeClient &c) { return c.retrieveCheckoutSession(id); },
                [&] { return stop.load(); });
            done = true;
        });
        QTRY_COMPARE(requestsTo(QStringLiteral("/v1/checkout/sessions/") + id).size(), 2);
        stop = true;
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
        stopped.join();
        QCOMPARE(result->error().code, QStringLiteral("stripe_aborted"));
    }

    void sandboxClientNeedsNoAccount()
    {
        // Sandbox mode (no MPANEL_STRIPE_SECRET_KEY) works against an emulator that takes any
        // test key.
        StripeEmulator sandbox;
        QVERIFY(sandbox.start().ok());
        Config config;
        config.set(QStringLiteral("MPANEL_STRIPE_API_BASE"), sandbox.baseUrl().toString());
        auto s = StripeSettings::fromConfig(config);
        QVERIFY(s.ok() && s->isSandbox());
        StripeClient client(s.value());
        auto out = await(client.createCheckoutSession(wireCaptureSession(), QStringLiteral("sandbox-1")));
        QVERIFY2(out.result.ok(), qPrintable(out.describe()));
    }
};

QTEST_GUILESS_MAIN(TestStripeClient)
#include "tst_stripe_client.moc"
