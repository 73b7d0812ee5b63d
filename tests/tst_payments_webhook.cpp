// POST /webhooks/stripe over real HTTP: signature checks, storing each event once, effects once
// per payment under duplicates, concurrency and reordering, holds and declines.

#include "support/blocking_http.h"
#include "support/payments_fixture.h"

#include <QRandomGenerator>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

using namespace mp;
using namespace mp::test;

class TstPaymentsWebhook : public QObject {
    Q_OBJECT

    PaymentsFixture m_fx;
    QString m_customer;

    test::HttpResult deliver(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        return httpCall("POST", m_fx.url(QStringLiteral("/webhooks/stripe")), body, headers);
    }
    test::HttpResult deliver(const QJsonObject &event)
    {
        const QByteArray b = events::body(event);
        return deliver(b, events::signedHeaders(b));
    }
    qint64 storedEvents() { return m_fx.scalar(QStringLiteral("SELECT count(*) FROM stripe_events")); }
    qint64 paymentsOf(const QString &invoice)
    {
        return m_fx.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE invoice_id = ?::uuid"),
                           {invoice});
    }
    qint64 paidTransitions(const QString &invoice)
    {
        return m_fx.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE object_id = ? "
                                          "AND details->>'to' = 'paid'"),
                           {invoice});
    }

    // Sends every body from `senders` threads at once, each on its own keep-alive connection;
    // returns the HTTP statuses.
    QList<int> sendConcurrently(const QList<QByteArray> &bodies, int senders)
    {
        std::vector<int> statuses(size_t(bodies.size()), 0);
        std::atomic<int> next{0};
        std::vector<std::thread> threads;
        const quint16 port = m_fx.port();
        for (int s = 0; s < senders; ++s) {
            threads.emplace_back([&, port] {
                BlockingHttpConnection connection(QStringLiteral("127.0.0.1"), port);
                for (int i = next++; i < bodies.size(); i = next++) {
                    const auto reply =
                        connection.post("/webhooks/stripe", events::signedHeaders(bodies[i]), bodies[i]);
                    statuses[size_t(i)] = reply.status;
                }
            });
        }
        // The answers are written by the server's thread: keep its event loop turning.
        while (next.load() < bodies.size() + senders)
            QTest::qWait(5);
        for (auto &t : threads)
            t.join();
        return QList<int>(statuses.begin(), statuses.end());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.start();
        m_customer = m_fx.customer(QStringLiteral("Webhook")).second;
        QVERIFY(!m_customer.isEmpty());
    }

    void signatureIsCheckedAsStripeSpecifies()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 1999).first();
        const QByteArray body =
            events::body(events::sessionCompleted(invoice, QStringLiteral("pi_sig1"), 1999));
        const qint64 before = storedEvents();
        const qint64 t = Clock::current().now().toSecsSinceEpoch();

        QByteArray tampered = body;
        tampered.replace("1999", "1000");
        struct Case {
            const char *name;
            QByteArray body;
            QList<QPair<QByteArray, QByteArray>> headers;
        };
        const QList<Case> refused{
            {"missing header", body, {}},
            {"tampered body", tampered, events::signedHeaders(body)},
            {"wrong secret", body, events::signedHeaders(body, {"whsec_wrong"})},
            {"stale timestamp", body, events::signedHeaders(body, {kWebhookSecret}, 301)},
            {"no v1", body, {{"Stripe-Signature", "t=" + QByteArray::number(t)}}},
            {"no timestamp", body, {{"Stripe-Signature", "v1=" + stripe::sign(kWebhookSecret, t, body)}}},
            {"uppercase hex",
             body,
             {{"Stripe-Signature",
               "t=" + QByteArray::number(t) + ",v1=" + stripe::sign(kWebhookSecret, t, body).toUpper()}}},
            {"garbage header", body, {{"Stripe-Signature", "garbage"}}},
            {"signed non-event", "{\"hello\":1}", events::signedHeaders("{\"hello\":1}")},
            {"signed non-json", "not json", events::signedHeaders("not json")},
        };
        for (const Case &c : refused) {
            const auto r = deliver(c.body, c.headers);
            QVERIFY2(r.status == 400, c.name);
            QVERIFY2(!r.json()
                          .value(QStringLiteral("error"))
                          .toObject()
                          .value(QStringLiteral("code"))
                          .toString()
                          .isEmpty(),
                     c.name);
        }
        QCOMPARE(storedEvents(), before); // nothing written for any of them
        QCOMPARE(paymentsOf(invoice), 0);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("unpaid"));

        // 299 s old passes; during a rotation either secret alone, or both v1s, pass.
        const auto old = deliver(body, events::signedHeaders(body, {kWebhookSecret}, 299));
        QCOMPARE(old.status, 200);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("paid"));
        for (const QList<QByteArray> &secrets :
             {QList<QByteArray>{kOldWebhookSecret}, QList<QByteArray>{"whsec_wrong", kOldWebhookSecret},
              QList<QByteArray>{kWebhookSecret, kOldWebhookSecret}}) {
            const QByteArray other = events::body(
                events::envelope(QStringLiteral("customer.created"),
                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("cus_1")},
                                             {QStringLiteral("object"), QStringLiteral("customer")}}));
            QCOMPARE(deliver(other, events::signedHeaders(other, secrets)).status, 200);
        }
        QCOMPARE(storedEvents(), before + 4);
    }

    void unknownTypesAreStoredAndAcknowledged()
    {
        const QJsonObject event =
            events::envelope(QStringLiteral("product.created"),
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("prod_1")},
                                         {QStringLiteral("object"), QStringLiteral("product")}});
        const auto r = deliver(event);
        QCOMPARE(r.status, 200);
        const QString id = event.value(QStringLiteral("id")).toString();
        QCOMPARE(m_fx.text(QStringLiteral("SELECT type FROM stripe_events WHERE id = ?"), {id}),
                 QStringLiteral("product.created"));
        QCOMPARE(m_fx.text(QStringLiteral(
                               "SELECT payload->'data'->'object'->>'id' FROM stripe_events WHERE id = ?"),
                           {id}),
                 QStringLiteral("prod_1"));
        QVERIFY(!m_fx.text(QStringLiteral("SELECT processed_at FROM stripe_events WHERE id = ?"), {id})
                     .isEmpty());
        // Delivered again: acknowledged, still one row.
        const auto again = deliver(event);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("duplicate")).toBool(), true);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT count(*) FROM stripe_events WHERE id = ?"), {id}), 1);
    }

    void tenCopiesAtOnceActOnce()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 2500).first();
        const QByteArray body =
            events::body(events::sessionCompleted(invoice, QStringLiteral("pi_ten"), 2500));
        const QList<int> statuses = sendConcurrently(QList<QByteArray>(10, body), 10);
        QCOMPARE(statuses, QList<int>(10, 200));
        QCOMPARE(paymentsOf(invoice), 1);
        QCOMPARE(paidTransitions(invoice), 1);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("paid"));
    }

    void differentEventsOfOnePaymentActOnce()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 1500).first();
        const QString pi = QStringLiteral("pi_several");
        QList<QByteArray> bodies;
        for (int i = 0; i < 3; ++i) {
            bodies.append(events::body(events::sessionCompleted(invoice, pi, 1500)));
            bodies.append(events::body(events::intentSucceeded(invoice, pi, 1500)));
        }
        QCOMPARE(sendConcurrently(bodies, 6), QList<int>(6, 200));
        QCOMPARE(paymentsOf(invoice), 1);
        QCOMPARE(paidTransitions(invoice), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("succeeded"));
        QCOMPARE(
            m_fx.text(QStringLiteral("SELECT checkout_session FROM payments WHERE payment_intent = ?"), {pi}),
            QStringLiteral("cs_test_several"));
    }

    void duplicateStormMakesExactlyOnePaymentPerEvent()
    {
        const QStringList invoices = m_fx.unpaidInvoices(m_customer, 100, 990);
        QList<QByteArray> bodies;
        for (int i = 0; i < invoices.size(); ++i) {
            const QByteArray body =
                events::body(events::sessionCompleted(invoices[i], QStringLiteral("pi_storm%1").arg(i), 990));
            for (int copy = 0; copy < 5; ++copy)
                bodies.append(body);
        }
        std::shuffle(bodies.begin(), bodies.end(), std::mt19937(20261125));
        const qint64 before = storedEvents();
        const QList<int> statuses = sendConcurrently(bodies, 8);
        QCOMPARE(statuses, QList<int>(500, 200));
        QCOMPARE(storedEvents(), before + 100);
        QCOMPARE(m_fx.scalar(
                     QStringLiteral("SELECT count(*) FROM payments WHERE payment_intent LIKE 'pi_storm%'")),
                 100);
        QCOMPARE(
            m_fx.scalar(QStringLiteral(
                            "SELECT count(*) FROM invoices WHERE id = ANY (?::uuid[]) AND status = 'paid'"),
                        {QStringLiteral("{%1}").arg(invoices.join(u','))}),
            100);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE object_id = ANY (?::text[]) "
                                       "AND details->>'to' = 'paid'"),
                        {QStringLiteral("{%1}").arg(invoices.join(u','))}),
            100);
    }

    void refundBeforeCompletionEndsRight()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 1999).first();
        const QString pi = QStringLiteral("pi_refund_first");
        QCOMPARE(deliver(events::chargeRefunded(invoice, pi, 1999, 500)).status, 200);
        QCOMPARE(deliver(events::sessionCompleted(invoice, pi, 1999)).status, 200);
        QCOMPARE(deliver(events::intentSucceeded(invoice, pi, 1999)).status, 200);
        QCOMPARE(paymentsOf(invoice), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("partially_refunded"));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT refunded_minor FROM payments WHERE payment_intent = ?"), {pi}),
            500);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("partially_refunded"));

        // The full refund, then a late copy of the earlier partial one: still refunded in full.
        QCOMPARE(deliver(events::chargeRefunded(invoice, pi, 1999, 1999)).status, 200);
        QCOMPARE(deliver(events::chargeRefunded(invoice, pi, 1999, 500)).status, 200);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("refunded"));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT refunded_minor FROM payments WHERE payment_intent = ?"), {pi}),
            1999);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("refunded"));
        QCOMPARE(paidTransitions(invoice), 1);
    }

    void chargeEventsWithoutMetadataWaitForTheirPayment()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 1999).first();
        const QString pi = QStringLiteral("pi_bare_charge");
        QJsonObject refunded = events::chargeRefunded(invoice, pi, 1999, 999);
        QJsonObject data = refunded.value(QStringLiteral("data")).toObject();
        QJsonObject charge = data.value(QStringLiteral("object")).toObject();
        charge.insert(QStringLiteral("metadata"), QJsonObject()); // nothing names the tenant
        data.insert(QStringLiteral("object"), charge);
        refunded.insert(QStringLiteral("data"), data);
        QCOMPARE(deliver(refunded).status, 200);
        const QString id = refunded.value(QStringLiteral("id")).toString();
        QCOMPARE(m_fx.text(QStringLiteral("SELECT result FROM stripe_events WHERE id = ?"), {id}),
                 QStringLiteral("unrouted"));
        QCOMPARE(paymentsOf(invoice), 0);

        QCOMPARE(deliver(events::sessionCompleted(invoice, pi, 1999)).status, 200);
        QCOMPARE(paymentsOf(invoice), 1);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT refunded_minor FROM payments WHERE payment_intent = ?"), {pi}),
            999);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("partially_refunded"));
        QVERIFY(m_fx.text(QStringLiteral("SELECT result FROM stripe_events WHERE id = ?"), {id})
                    .endsWith(QLatin1String("(replayed)")));
    }

    void amountOrCurrencyMismatchIsHeldForReview()
    {
        const QStringList invoices = m_fx.unpaidInvoices(m_customer, 2, 1999);
        QCOMPARE(deliver(events::sessionCompleted(invoices[0], QStringLiteral("pi_short"), 1000)).status,
                 200);
        QCOMPARE(deliver(events::sessionCompleted(invoices[1], QStringLiteral("pi_eur"), 1999,
                                                  QStringLiteral("eur")))
                     .status,
                 200);
        for (const QString &invoice : invoices) {
            QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("unpaid"));
            QCOMPARE(paymentsOf(invoice), 1);
            QCOMPARE(m_fx.text(QStringLiteral("SELECT review_state FROM payments WHERE invoice_id = ?::uuid"),
                               {invoice}),
                     QStringLiteral("held"));
            QCOMPARE(
                m_fx.scalar(QStringLiteral("SELECT count(*) FROM invoice_flags WHERE invoice_id = ?::uuid "
                                           "AND kind = 'payment_held'"),
                            {invoice}),
                1);
        }
        QVERIFY(
            m_fx.text(QStringLiteral("SELECT review_reason FROM payments WHERE payment_intent = 'pi_short'"))
                .contains(QLatin1String("mismatch")));
        // A second payment for an invoice already paid is held too, not applied twice.
        const QString paid = m_fx.unpaidInvoices(m_customer, 1, 700).first();
        QCOMPARE(deliver(events::sessionCompleted(paid, QStringLiteral("pi_first"), 700)).status, 200);
        QCOMPARE(deliver(events::sessionCompleted(paid, QStringLiteral("pi_second"), 700)).status, 200);
        QCOMPARE(m_fx.invoiceStatus(paid), QStringLiteral("paid"));
        QCOMPARE(
            m_fx.text(QStringLiteral("SELECT review_state FROM payments WHERE payment_intent = 'pi_second'")),
            QStringLiteral("held"));
    }

    void staffResolveHeldPaymentsOnce()
    {
        const QStringList invoices = m_fx.unpaidInvoices(m_customer, 2, 2500);
        QCOMPARE(
            deliver(events::sessionCompleted(invoices[0], QStringLiteral("pi_resolve_apply"), 2400)).status,
            200);
        QCOMPARE(
            deliver(events::sessionCompleted(invoices[1], QStringLiteral("pi_resolve_dismiss"), 2600)).status,
            200);
        const QString applyId = m_fx.text(
            QStringLiteral("SELECT id::text FROM payments WHERE payment_intent = 'pi_resolve_apply'"));
        const QString dismissId = m_fx.text(
            QStringLiteral("SELECT id::text FROM payments WHERE payment_intent = 'pi_resolve_dismiss'"));

        // The held list and the open flags show both.
        const auto held =
            m_fx.call("GET", QStringLiteral("/api/payments?status=held&limit=200"), m_fx.admin());
        QCOMPARE(held.status, 200);
        QStringList heldIds;
        for (const auto &v : held.json().value(QStringLiteral("items")).toArray())
            heldIds << v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(heldIds.contains(applyId) && heldIds.contains(dismissId));
        const auto flags =
            m_fx.call("GET", QStringLiteral("/api/invoice-flags?kind=payment_held&invoice=") + invoices[0],
                      m_fx.admin());
        QCOMPARE(flags.status, 200);
        QCOMPARE(flags.json().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/invoice-flags?state=nope"), m_fx.admin()).status, 400);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/payments?status=nope"), m_fx.admin()).status, 400);

        auto resolve = [&](const QString &id, const QString &action) {
            return m_fx.call("POST", QStringLiteral("/api/payments/%1/resolve").arg(id), m_fx.admin(),
                             {{QStringLiteral("action"), action},
                              {QStringLiteral("reason"), QStringLiteral("customer confirmed by phone")}});
        };
        const auto bad = resolve(applyId, QStringLiteral("burn"));
        QCOMPARE(bad.status, 422);
        QCOMPARE(
            bad.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
            QStringLiteral("action"));

        // Two staff apply at once: the invoice is paid once, one audit row, the other is 409.
        HttpResult a, b;
        std::atomic_bool otherDone{false};
        std::thread other([&] {
            b = resolve(applyId, QStringLiteral("apply"));
            otherDone = true;
        });
        a = resolve(applyId, QStringLiteral("apply"));
        // The second answer is written by the server on this thread once the first commit frees
        // the payment row: keep the event loop turning until it has arrived.
        while (!otherDone)
            QTest::qWait(5);
        other.join();
        if (QList<int>({a.status, b.status}).count(409) != 1)
            qWarning("resolve statuses %d %s / %d %s", a.status, a.body.constData(), b.status,
                     b.body.constData());
        QCOMPARE(QList<int>({a.status, b.status}).count(200), 1);
        QCOMPARE(QList<int>({a.status, b.status}).count(409), 1);
        QCOMPARE(m_fx.invoiceStatus(invoices[0]), QStringLiteral("paid"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT review_state FROM payments WHERE id = ?::uuid"), {applyId}),
                 QStringLiteral("resolved"));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.resolve' AND "
                                       "object_id = ?"),
                        {applyId}),
            1);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM invoice_flags WHERE payment_id = ?::uuid AND "
                                       "resolved_at IS NULL"),
                        {applyId}),
            0);

        QCOMPARE(resolve(dismissId, QStringLiteral("dismiss")).status, 200);
        QCOMPARE(m_fx.invoiceStatus(invoices[1]), QStringLiteral("unpaid"));
        QCOMPARE(resolve(dismissId, QStringLiteral("apply")).status, 409);

        // Keyset paging walks every payment once.
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const auto r = m_fx.call("GET",
                                     QStringLiteral("/api/payments?limit=2") +
                                         (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                                     m_fx.admin());
            QCOMPARE(r.status, 200);
            for (const auto &v : r.json().value(QStringLiteral("items")).toArray()) {
                const QString id = v.toObject().value(QStringLiteral("id")).toString();
                QVERIFY(!seen.contains(id));
                seen.insert(id);
            }
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 1000);
        QCOMPARE(qint64(seen.size()),
                 m_fx.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE tenant_id = ?::uuid"),
                             {m_fx.tenant()}));
        QVERIFY(pages > 1);
    }

    void declinesAreRecordedWithTheirReason()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 1200).first();
        const QString pi = QStringLiteral("pi_declined");
        QCOMPARE(
            deliver(events::intentFailed(invoice, pi, 1200, QStringLiteral("insufficient_funds"))).status,
            200);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("unpaid"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("failed"));
        QCOMPARE(
            m_fx.text(QStringLiteral("SELECT decline_code FROM payments WHERE payment_intent = ?"), {pi}),
            QStringLiteral("insufficient_funds"));
        // The customer tries again with another card on the same PaymentIntent: paid.
        QCOMPARE(deliver(events::sessionCompleted(invoice, pi, 1200)).status, 200);
        QCOMPARE(m_fx.invoiceStatus(invoice), QStringLiteral("paid"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("succeeded"));
        // The earlier attempt's decline is no longer the payment's, as Stripe clears
        // last_payment_error: a paid (later refunded) payment never shows it. A late failure
        // event does not bring it back.
        const QString decline =
            QStringLiteral("SELECT coalesce(decline_code, '') || coalesce(decline_message, '') FROM payments "
                           "WHERE payment_intent = ?");
        QCOMPARE(m_fx.text(decline, {pi}), QString());
        QCOMPARE(deliver(events::intentFailed(invoice, pi, 1200, QStringLiteral("card_declined"))).status,
                 200);
        QCOMPARE(m_fx.text(decline, {pi}), QString());
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("succeeded"));
        const auto detail = m_fx.call("GET", QStringLiteral("/api/invoices/") + invoice, m_fx.admin());
        QCOMPARE(detail.status, 200);
        const QJsonArray payments = detail.json().value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments[0].toObject().value(QStringLiteral("payment_intent")).toString(), pi);
    }

    void disputesFlagTheInvoice()
    {
        const QString invoice = m_fx.unpaidInvoices(m_customer, 1, 3000).first();
        const QString pi = QStringLiteral("pi_disputed");
        QCOMPARE(deliver(events::sessionCompleted(invoice, pi, 3000)).status, 200);
        const QJsonObject dispute{{QStringLiteral("id"), QStringLiteral("dp_1")},
                                  {QStringLiteral("object"), QStringLiteral("dispute")},
                                  {QStringLiteral("amount"), 3000},
                                  {QStringLiteral("currency"), QStringLiteral("usd")},
                                  {QStringLiteral("charge"), QStringLiteral("ch_disputed")},
                                  {QStringLiteral("payment_intent"), pi},
                                  {QStringLiteral("metadata"), events::metadata(invoice)},
                                  {QStringLiteral("reason"), QStringLiteral("fraudulent")},
                                  {QStringLiteral("status"), QStringLiteral("needs_response")}};
        QCOMPARE(deliver(events::envelope(QStringLiteral("charge.dispute.created"), dispute)).status, 200);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("disputed"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT count(*) FROM invoice_flags WHERE invoice_id = ?::uuid "
                                            "AND kind = 'disputed'"),
                             {invoice}),
                 1);
        QJsonObject won = dispute;
        won.insert(QStringLiteral("status"), QStringLiteral("won"));
        QCOMPARE(deliver(events::envelope(QStringLiteral("charge.dispute.closed"), won)).status, 200);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT status FROM payments WHERE payment_intent = ?"), {pi}),
                 QStringLiteral("succeeded"));
        QCOMPARE(
            m_fx.text(QStringLiteral("SELECT dispute_status FROM payments WHERE payment_intent = ?"), {pi}),
            QStringLiteral("won"));
    }

    void eventsOfNoKnownTenantAreKeptUnrouted()
    {
        const QJsonObject event = events::sessionCompleted(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                           QStringLiteral("pi_nobody"), 100);
        QCOMPARE(deliver(event).status, 200);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT result FROM stripe_events WHERE id = ?"),
                           {event.value(QStringLiteral("id")).toString()}),
                 QStringLiteral("unrouted"));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE payment_intent = 'pi_nobody'")),
            0);
    }
};

QTEST_GUILESS_MAIN(TstPaymentsWebhook)
#include "tst_payments_webhook.moc"
