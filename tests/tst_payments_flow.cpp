// Paying and refunding invoices end to end: POST /api/invoices/{id}/pay makes a Checkout
// Session at the Stripe emulator, the customer pays there with a test card, the emulator
// delivers the signed events to POST /webhooks/stripe, and the invoice follows.

#include "emulators/stripe_emulator.h"
#include "emulators/stripe_webhook_sender.h"
#include "support/payments_fixture.h"

#include <atomic>
#include <thread>

using namespace mp;
using namespace mp::test;

namespace {

// A refund body as staff send it: an amount ("" refunds what is left) and why.
QJsonObject refundOf(const QString &amount)
{
    QJsonObject body{{QStringLiteral("reason"), QStringLiteral("requested_by_customer")}};
    if (!amount.isEmpty())
        body.insert(QStringLiteral("amount"), amount);
    return body;
}

} // namespace

class TstPaymentsFlow : public QObject {
    Q_OBJECT

    StripeEmulator m_stripe;
    PaymentsFixture m_fx;
    QString m_aliceToken, m_alice, m_bobToken;

    QString newInvoice(const QString &customerId, const char *price = "19.99")
    {
        const auto r = m_fx.call(
            "POST", QStringLiteral("/api/invoices"), m_fx.admin(),
            QJsonObject{{QStringLiteral("customer_id"), customerId},
                        {QStringLiteral("currency"), QStringLiteral("USD")},
                        {QStringLiteral("items"),
                         QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("VPS S")},
                                                {QStringLiteral("unit_price"), QLatin1String(price)}}}}});
        if (r.status != 201)
            qFatal("invoice: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }
    bool settled() { return m_stripe.webhooks().isIdle(); }
    QJsonObject invoice(const QString &id)
    {
        return m_fx.call("GET", QStringLiteral("/api/invoices/") + id, m_fx.admin()).json();
    }
    QString pay(const QString &invoiceId, const QString &token)
    {
        const auto r = m_fx.call("POST", QStringLiteral("/api/invoices/%1/pay").arg(invoiceId), token);
        if (r.status != 200)
            qWarning("pay: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("session_id")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto port = m_stripe.start();
        QVERIFY(port.ok());
        Config config;
        config.set(QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("sk_test_payments_flow"));
        config.set(QStringLiteral("MPANEL_STRIPE_API_BASE"), m_stripe.baseUrl().toString());
        config.set(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kWebhookSecret));
        m_fx.start(config);
        m_stripe.setWebhookEndpoint(m_fx.url(QStringLiteral("/webhooks/stripe")), {kWebhookSecret});
        // Every event twice, shuffled, as Stripe may.
        m_stripe.webhooks().setOptions(StripeWebhookSender::Options{2, true, 4, 20, 10000});
        std::tie(m_aliceToken, m_alice) = m_fx.customer(QStringLiteral("Alice"));
        m_bobToken = m_fx.customer(QStringLiteral("Bob")).first;
    }

    void payingWithTheSuccessCardPaysTheInvoiceOnce()
    {
        const QString id = newInvoice(m_alice);
        const auto r = m_fx.call("POST", QStringLiteral("/api/invoices/%1/pay").arg(id), m_aliceToken);
        QCOMPARE(r.status, 200);
        const QString session = r.json().value(QStringLiteral("session_id")).toString();
        QVERIFY(session.startsWith(QLatin1String("cs_test_")));
        QVERIFY(!r.json().value(QStringLiteral("checkout_url")).toString().isEmpty());
        // A double click: the same session, one at Stripe.
        QCOMPARE(pay(id, m_aliceToken), session);
        QCOMPARE(m_stripe.sessionCount(), 1);
        const QJsonObject atStripe = m_stripe.session(session);
        QCOMPARE(atStripe.value(QStringLiteral("amount_total")).toInteger(),
                 invoice(id).value(QStringLiteral("total_minor")).toInteger());
        QCOMPARE(atStripe.value(QStringLiteral("client_reference_id")).toString(), id);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM invoice_checkout_sessions WHERE session_id = ?"),
                        {session}),
            1);
        // Somebody else's invoice is not there for Bob.
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/invoices/%1/pay").arg(id), m_bobToken).status, 404);

        QVERIFY(m_stripe.pay(session, QStringLiteral("4242 4242 4242 4242")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        QCOMPARE(m_stripe.webhooks().abandonedCount(), 0);
        const QJsonObject paid = invoice(id);
        QCOMPARE(paid.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        const QJsonArray payments = paid.value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(payments[0].toObject().value(QStringLiteral("checkout_session")).toString(), session);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE invoice_id = ?::uuid"), {id}), 1);
        const auto listed = m_fx.call("GET", QStringLiteral("/api/payments?invoice=") + id, m_fx.admin());
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/payments?customer=") + m_alice, m_fx.admin()).status,
                 200);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/payments"), m_aliceToken).status, 403);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/payments?invoice=nope"), m_fx.admin()).status, 400);

        // Paid: no second payment.
        const auto again = m_fx.call("POST", QStringLiteral("/api/invoices/%1/pay").arg(id), m_aliceToken);
        QCOMPARE(again.status, 409);
    }

    void noTransactionIsOpenWhileStripeIsCalled()
    {
        const QString id = newInvoice(m_alice);
        const int before = int(m_stripe.requests().size());
        // The first attempt hangs until the client's timeout; it retries with the same key.
        m_stripe.failNext(StripeEmulator::Fault::Hang, 1);
        std::atomic<bool> done{false};
        HttpResult r;
        std::thread click([&] {
            // Longer than the client's 30 s attempt timeout plus its retry.
            r = httpCall("POST", m_fx.url(QStringLiteral("/api/invoices/%1/pay").arg(id)), {},
                         {{"Authorization", "Bearer " + m_aliceToken.toLatin1()}}, 90000);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_stripe.requests().size() > before, 20000);
        // Stripe has the request and has not answered: nothing of ours is inside a transaction,
        // and the invoice row can be locked by someone else at once.
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                            "current_database() AND state LIKE 'idle in transaction%'")),
                 0);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM (SELECT id FROM invoices WHERE id = ?::uuid "
                                       "FOR UPDATE NOWAIT) AS x"),
                        {id}),
            1);
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 90000);
        click.join();
        QCOMPARE(r.status, 200);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM invoice_checkout_sessions WHERE invoice_id = "
                                       "?::uuid"),
                        {id}),
            1);
    }

    void declinedCardsLeaveTheInvoiceUnpaidWithTheReason()
    {
        const QString id = newInvoice(m_alice, "7.50");
        const QString session = pay(id, m_aliceToken);
        QVERIFY(!session.isEmpty());
        QVERIFY(!m_stripe.pay(session, QStringLiteral("4000000000000002")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        QJsonObject inv = invoice(id);
        QCOMPARE(inv.value(QStringLiteral("status")).toString(), QStringLiteral("unpaid"));
        QJsonArray payments = inv.value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(payments[0].toObject().value(QStringLiteral("decline_code")).toString(),
                 QStringLiteral("generic_decline"));

        QVERIFY(!m_stripe.pay(session, QStringLiteral("4000000000009995")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        inv = invoice(id);
        QCOMPARE(inv.value(QStringLiteral("status")).toString(), QStringLiteral("unpaid"));
        payments = inv.value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments[0].toObject().value(QStringLiteral("decline_code")).toString(),
                 QStringLiteral("insufficient_funds"));
        QVERIFY(!payments[0].toObject().value(QStringLiteral("decline_message")).toString().isEmpty());

        // Then a good card on the same session pays it.
        QVERIFY(m_stripe.pay(session, QStringLiteral("4242424242424242")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        QCOMPARE(invoice(id).value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE invoice_id = ?::uuid"), {id}), 1);
    }

    void staffRefundInPartThenInFull()
    {
        const QString id = newInvoice(m_alice, "20.00");
        const QString session = pay(id, m_fx.admin()); // staff may start it too
        QVERIFY(!session.isEmpty());
        QVERIFY(m_stripe.pay(session, QStringLiteral("4242424242424242")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        QCOMPARE(invoice(id).value(QStringLiteral("status")).toString(), QStringLiteral("paid"));

        const QString path = QStringLiteral("/api/invoices/%1/refund").arg(id);
        QCOMPARE(m_fx.call("POST", path, m_aliceToken, refundOf(QStringLiteral("5.00"))).status, 403);
        QCOMPARE(m_fx.call("POST", path, m_fx.admin(), refundOf(QStringLiteral("25.00"))).status, 422);
        QCOMPARE(m_fx.call("POST", path, m_fx.admin(), refundOf(QStringLiteral("-1"))).status, 422);
        // No reason: refused, naming the field, and nothing moves.
        const auto unexplained = m_fx.call("POST", path, m_fx.admin(),
                                           QJsonObject{{QStringLiteral("amount"), QStringLiteral("5.00")}});
        QCOMPARE(unexplained.status, 422);
        QCOMPARE(errorField(unexplained), QStringLiteral("reason"));
        QCOMPARE(m_stripe.refundCount(), 0);
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "refund-once"}};
        const auto partial = m_fx.call("POST", path, m_fx.admin(), refundOf(QStringLiteral("5.00")), key);
        QCOMPARE(partial.status, 200);
        // Retried with the same key: Stripe replays, nothing refunded twice.
        QCOMPARE(m_fx.call("POST", path, m_fx.admin(), refundOf(QStringLiteral("5.00")), key).status, 200);
        QCOMPARE(m_stripe.refundCount(), 1);
        QCOMPARE(invoice(id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("partially_refunded"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000); // charge.refunded arrives: the same state
        // The audit trail names who asked (the admin token, not "stripe") and the amounts as money.
        const QString trail = QStringLiteral(
            "SELECT actor || ' | ' || (details->>'reason') FROM audit_log WHERE object_type = 'invoice' "
            "AND object_id = ? AND details->>'to' = ? ORDER BY id DESC LIMIT 1");
        const QString partialEntry = m_fx.text(trail, {id, QStringLiteral("partially_refunded")});
        QVERIFY2(partialEntry.startsWith(QStringLiteral("staff token ")) &&
                     partialEntry.endsWith(QStringLiteral(
                         " | refunded 5.00 USD of 20.00 USD with Stripe: requested_by_customer")),
                 qPrintable(partialEntry));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT refunded_minor FROM payments WHERE invoice_id = ?::uuid"),
                             {id}),
                 500);
        QCOMPARE(invoice(id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("partially_refunded"));

        const auto rest = m_fx.call("POST", path, m_fx.admin(), refundOf({}));
        QCOMPARE(rest.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 20000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT refunded_minor FROM payments WHERE invoice_id = ?::uuid"),
                             {id}),
                 invoice(id).value(QStringLiteral("total_minor")).toInteger());
        QCOMPARE(invoice(id).value(QStringLiteral("status")).toString(), QStringLiteral("refunded"));
        QCOMPARE(m_fx.call("POST", path, m_fx.admin(), refundOf({})).status, 409);
    }

    void cancelledInvoicesCannotBePaid()
    {
        const QString id = newInvoice(m_alice);
        QCOMPARE(m_fx.call("PATCH", QStringLiteral("/api/invoices/") + id, m_fx.admin(),
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("cancelled")},
                                       {QStringLiteral("reason"), QStringLiteral("ordered twice")}})
                     .status,
                 200);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/invoices/%1/pay").arg(id), m_aliceToken).status, 409);
        QCOMPARE(m_fx.call("POST",
                           QStringLiteral("/api/invoices/%1/pay")
                               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                           m_aliceToken)
                     .status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TstPaymentsFlow)
#include "tst_payments_flow.moc"
