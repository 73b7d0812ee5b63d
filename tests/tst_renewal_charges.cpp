// Saved cards and automatic renewal charges against the Stripe emulator: Checkout saves the
// card on the customer's Stripe Customer; on the due date the renewal invoice is charged
// off-session once, however many runs race and even after a run died between Stripe's answer
// and its commit; a card that needs its holder ends in the pay-link mail (delivered to a real
// SMTP server on loopback) and is then paid by hand; a declining card is retried on the
// tenant's schedule and then left to dunning (past due).

#include "core/clock.h"
#include "db/tenant_transaction.h"
#include "emulators/stripe_emulator.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "payments/renewal_charges.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_renewals.h"
#include "support/http_client.h"
#include "support/payments_fixture.h"
#include "support/smtp_sink.h"
#include "support/test_cluster.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <thread>

using namespace mp;
using namespace mp::test;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
// The first renewal's due date (the period paid at kStart ends on 2 April).
const QDateTime kDueStart(QDate(2026, 4, 2), QTime(0, 0), QTimeZone::utc());

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestRenewalCharges : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    StripeEmulator m_stripe;
    SmtpSink m_sink;
    PaymentsFixture m_fx;
    Config m_config;
    std::unique_ptr<JobEngine> m_engine;
    QString m_product;

    bool settled() { return m_stripe.webhooks().isIdle(); }

    struct Subscriber {
        QString token;
        QString customerId;
        QString email;
        QString subscriptionId;
        QString renewalInvoice;
    };

    // Signs up, orders the monthly product, pays the first invoice in Checkout with `card` (the
    // card is saved), and gets the renewal invoice issued.
    Subscriber subscribe(const QString &name, const QString &card)
    {
        Subscriber s;
        std::tie(s.token, s.customerId) = m_fx.customer(name);
        s.email = name.toLower() + QStringLiteral("@example.com");
        const auto order = m_fx.call("POST", QStringLiteral("/api/checkout"), s.token,
                                     {{QStringLiteral("product_id"), m_product},
                                      {QStringLiteral("cycle"), QStringLiteral("monthly")}});
        if (order.status != 201)
            qFatal("checkout: %d %s", order.status, order.body.constData());
        const QString invoice = str(order.json(), "invoice_id");
        const QString session = payInCheckout(invoice, s.token, card);
        if (session.isEmpty())
            return s;
        s.subscriptionId = m_fx.text(
            QStringLiteral("SELECT id::text FROM subscriptions WHERE customer_id = ?::uuid"), {s.customerId});
        auto tx = TenantTransaction::begin(m_fx.db(), m_fx.tenant());
        if (!tx)
            qFatal("tx: %s", qPrintable(tx.error().message));
        auto renewal = subscriptions::SubscriptionRenewals::renewNow(*tx, s.subscriptionId,
                                                                     QStringLiteral("test"), m_clock.now());
        if (!renewal || !tx->commit())
            qFatal("renewal: %s", renewal ? "commit" : qPrintable(renewal.error().message));
        s.renewalInvoice = *renewal;
        return s;
    }

    // The customer pays `invoice` on the emulator's checkout page; the session's id.
    QString payInCheckout(const QString &invoice, const QString &token, const QString &card)
    {
        const auto r = m_fx.call("POST", QStringLiteral("/api/invoices/%1/pay").arg(invoice), token);
        if (r.status != 200) {
            qWarning("pay: %d %s", r.status, r.body.constData());
            return {};
        }
        const QString session = str(r.json(), "session_id");
        if (auto paid = m_stripe.pay(session, card); !paid) {
            qWarning("card: %s", qPrintable(paid.error().message));
            return {};
        }
        if (!QTest::qWaitFor([this] { return settled(); }, 20000) ||
            m_fx.invoiceStatus(invoice) != QLatin1String("paid")) {
            qWarning("invoice %s not paid", qPrintable(invoice));
            return {};
        }
        return session;
    }

    // `count` charge runs at once, each on its own connection and thread, as racing job
    // workers; `commit` false: each dies before its commit (after Stripe answered).
    int runCharges(int count, bool commit = true)
    {
        auto settings = StripeSettings::fromConfig(m_config);
        if (!settings)
            qFatal("settings: %s", qPrintable(settings.error().message));
        std::atomic_int done{0}, failures{0}, ready{0};
        std::vector<std::thread> threads;
        static int generation = 0;
        ++generation;
        for (int i = 0; i < count; ++i) {
            threads.emplace_back([&, i] {
                {
                    QSqlDatabase db =
                        openDatabase(m_fx.settings(), QStringLiteral("charge-%1-%2").arg(generation).arg(i));
                    ++ready;
                    while (ready.load() < count)
                        QThread::yieldCurrentThread();
                    auto tx = TenantTransaction::begin(db, m_fx.tenant());
                    if (!tx) {
                        ++failures;
                    } else {
                        auto run = payments::RenewalCharges::run(*tx, *settings, m_clock.now());
                        if (!run) {
                            qWarning("charge run: %s", qPrintable(run.error().message));
                            ++failures;
                        } else if (!run->errors.isEmpty()) {
                            qWarning("charge run: %s", qPrintable(run->errors.join(u';')));
                        }
                        if (commit) {
                            if (!tx->commit())
                                ++failures;
                        } else {
                            tx->rollback();
                        }
                    }
                    db.close();
                }
                QSqlDatabase::removeDatabase(QStringLiteral("charge-%1-%2").arg(generation).arg(i));
                ++done;
            });
        }
        // The emulator and the webhook deliveries run on this thread's event loop.
        const bool finished = QTest::qWaitFor([&] { return done.load() == count; }, 120000);
        for (auto &t : threads)
            t.join();
        const bool delivered = QTest::qWaitFor([this] { return settled(); }, 20000);
        return finished && delivered ? failures.load() : -1;
    }

    void runDunning()
    {
        auto tx = TenantTransaction::begin(m_fx.db(), m_fx.tenant());
        QVERIFY(tx);
        QVERIFY(subscriptions::SubscriptionLifecycle::runDunning(*tx, m_clock.now()));
        QVERIFY(tx->commit());
    }

    QString subscriptionStatus(const Subscriber &s)
    {
        return m_fx.text(QStringLiteral("SELECT status FROM subscriptions WHERE id = ?::uuid"),
                         {s.subscriptionId});
    }

    qint64 attempts(const QString &invoice)
    {
        return m_fx.scalar(QStringLiteral("SELECT count(*) FROM renewal_charges WHERE invoice_id = ?::uuid"),
                           {invoice});
    }

    // The PaymentIntents Stripe made for an invoice (off-session charges carry its id).
    QList<QJsonObject> intentsFor(const QString &invoice)
    {
        QList<QJsonObject> out;
        for (const QJsonObject &pi : m_stripe.paymentIntents()) {
            if (pi.value(QStringLiteral("metadata"))
                        .toObject()
                        .value(QStringLiteral("mpanel_invoice"))
                        .toString() == invoice &&
                pi.value(QStringLiteral("off_session")).isUndefined() &&
                !pi.value(QStringLiteral("payment_method")).toString().isEmpty())
                out.append(pi);
        }
        return out;
    }

    QStringList offSessionKeys()
    {
        QStringList keys;
        for (const auto &r : m_stripe.requests()) {
            if (r.method == QLatin1String("POST") && r.path == QLatin1String("/v1/payment_intents"))
                keys << QString::fromUtf8(r.header("Idempotency-Key"));
        }
        return keys;
    }

    void sendMail()
    {
        JobSpec spec;
        spec.tenantId = m_fx.tenant();
        spec.kind = QStringLiteral("notifications.send");
        auto job = Jobs::enqueue(m_fx.db(), spec);
        QVERIFY(job);
        m_engine->wake();
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"),
                                           {job->id}) == QStringLiteral("completed"),
                                 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        QVERIFY(m_sink.start());
        qputenv("MPANEL_SMTP_CA_FILE", m_sink.caFile().toUtf8());
        qputenv("MPANEL_PUBLIC_URL", "https://panel.hosting.example/");
        QVERIFY(m_stripe.start().ok());
        m_config.set(QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("sk_test_renewal_charges"));
        m_config.set(QStringLiteral("MPANEL_STRIPE_API_BASE"), m_stripe.baseUrl().toString());
        m_config.set(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kWebhookSecret));
        m_config.set(QStringLiteral("MPANEL_PUBLIC_URL"), QStringLiteral("https://panel.hosting.example/"));
        m_fx.start(m_config);
        m_stripe.setWebhookEndpoint(m_fx.url(QStringLiteral("/webhooks/stripe")), {kWebhookSecret});
        m_product = m_fx.text(QStringLiteral("INSERT INTO products (tenant_id, type, name) VALUES (?::uuid, "
                                             "'other', 'Web Hosting M') RETURNING id::text"),
                              {m_fx.tenant()});
        m_fx.exec(QStringLiteral(
                      "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                      "VALUES (?::uuid, ?::uuid, 'monthly', 'EUR', 1000)"),
                  {m_fx.tenant(), m_product});
        const auto mail =
            m_fx.call("PUT", QStringLiteral("/api/notifications/settings"), m_fx.admin(),
                      {{QStringLiteral("from_address"), QStringLiteral("billing@hosting.example")},
                       {QStringLiteral("from_name"), QStringLiteral("Hosting")},
                       {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                       {QStringLiteral("smtp_port"), int(m_sink.port())},
                       {QStringLiteral("tls_mode"), QStringLiteral("starttls")},
                       {QStringLiteral("smtp_user"), m_sink.options().user},
                       {QStringLiteral("smtp_password"), m_sink.options().password}});
        QVERIFY2(mail.status == 200, mail.body.constData());
        JobEngineOptions o;
        o.database = m_fx.settings();
        o.workers = 2;
        o.batchSize = 1;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        m_engine = std::make_unique<JobEngine>(o);
        QVERIFY(m_engine->start());
    }

    void cleanupTestCase()
    {
        if (m_engine)
            QVERIFY(m_engine->stop());
        m_sink.stop();
    }

    void init() { m_clock.set(kStart); }

    void theEmulatorTakesWhatStripesClientSends()
    {
        // The official client's requests, byte for byte (wire-capture-offsession.txt).
        const QList<QPair<QByteArray, QByteArray>> headers{
            {"Authorization", "Bearer sk_test_wire"},
            {"Content-Type", "application/x-www-form-urlencoded"},
            {"Stripe-Version", "2026-10-28.endive"}};
        auto call = [&](const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &key = {}) {
            auto h = headers;
            if (!key.isEmpty())
                h.append({"Idempotency-Key", key});
            return httpCall(method, QUrl(m_stripe.baseUrl().toString() + path), body, h);
        };
        const auto customer =
            call("POST", QStringLiteral("/v1/customers"),
                 "email=buyer%40example.com&name=Jenny%20Rosen&metadata[mpanel_customer_id]=1042",
                 "mpanel-customer-1042");
        QCOMPARE(customer.status, 200);
        const QString cus = str(customer.json(), "id");
        QVERIFY(cus.startsWith(QLatin1String("cus_")));
        QCOMPARE(str(customer.json(), "email"), QStringLiteral("buyer@example.com"));
        QCOMPARE(customer.json()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("mpanel_customer_id")),
                 QJsonValue(QStringLiteral("1042")));
        QCOMPARE(call("GET", QStringLiteral("/v1/customers/") + cus, {}).status, 200);

        const auto attached = call("POST", QStringLiteral("/v1/payment_methods/pm_card_visa/attach"),
                                   "customer=" + cus.toLatin1(), "stripe-node-retry-1");
        QCOMPARE(attached.status, 200);
        const QString pm = str(attached.json(), "id");
        QVERIFY(pm.startsWith(QLatin1String("pm_")) && pm != QLatin1String("pm_card_visa"));
        QCOMPARE(str(attached.json(), "customer"), cus);
        QCOMPARE(call("POST", QStringLiteral("/v1/customers/") + cus,
                      "invoice_settings[default_payment_method]=" + pm.toLatin1(), "stripe-node-retry-2")
                     .status,
                 200);
        QCOMPARE(m_stripe.customer(cus)
                     .value(QStringLiteral("invoice_settings"))
                     .toObject()
                     .value(QStringLiteral("default_payment_method"))
                     .toString(),
                 pm);
        for (const QString &path :
             {QStringLiteral("/v1/payment_methods?customer=%1&type=card").arg(cus),
              QStringLiteral("/v1/customers/%1/payment_methods?type=card&limit=10").arg(cus)}) {
            const auto listed = call("GET", path, {});
            QCOMPARE(listed.status, 200);
            const QJsonArray data = listed.json().value(QStringLiteral("data")).toArray();
            QCOMPARE(data.size(), 1);
            QCOMPARE(str(data[0].toObject(), "id"), pm);
            QCOMPARE(
                data[0].toObject().value(QStringLiteral("card")).toObject().value(QStringLiteral("last4")),
                QJsonValue(QStringLiteral("4242")));
        }
        // The decline table's cards cannot be attached.
        QCOMPARE(
            call("POST",
                 QStringLiteral("/v1/payment_methods/pm_card_visa_chargeDeclinedInsufficientFunds/attach"),
                 "customer=" + cus.toLatin1(), "stripe-node-retry-3")
                .status,
            402);

        const QByteArray charge = "amount=1999&currency=usd&customer=" + cus.toLatin1() +
                                  "&payment_method=" + pm.toLatin1() +
                                  "&off_session=true&confirm=true&metadata[mpanel_invoice]=INV-1043";
        const auto ok =
            call("POST", QStringLiteral("/v1/payment_intents"), charge, "mpanel-renewal-INV-1043-1");
        QCOMPARE(ok.status, 200);
        QCOMPARE(str(ok.json(), "status"), QStringLiteral("succeeded"));
        QVERIFY(str(ok.json(), "latest_charge").startsWith(QLatin1String("ch_")));
        // The same key again is a replay, not a second charge.
        const auto replay =
            call("POST", QStringLiteral("/v1/payment_intents"), charge, "mpanel-renewal-INV-1043-1");
        QCOMPARE(str(replay.json(), "id"), str(ok.json(), "id"));
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));

        // "Always authenticate" and "attaches but declines later".
        for (const auto &[token, code, decline] :
             {std::tuple{QStringLiteral("pm_card_authenticationRequired"),
                         QStringLiteral("authentication_required"),
                         QStringLiteral("authentication_required")},
              std::tuple{QStringLiteral("pm_card_chargeCustomerFail"), QStringLiteral("card_declined"),
                         QString()}}) {
            const auto card = call("POST", QStringLiteral("/v1/payment_methods/%1/attach").arg(token),
                                   "customer=" + cus.toLatin1(), "attach-" + token.toLatin1());
            QCOMPARE(card.status, 200);
            const auto failed = call("POST", QStringLiteral("/v1/payment_intents"),
                                     "amount=1999&currency=usd&customer=" + cus.toLatin1() +
                                         "&payment_method=" + str(card.json(), "id").toLatin1() +
                                         "&off_session=true&confirm=true",
                                     "charge-" + token.toLatin1());
            QCOMPARE(failed.status, 402);
            const QJsonObject error = failed.json().value(QStringLiteral("error")).toObject();
            QCOMPARE(str(error, "type"), QStringLiteral("card_error"));
            QCOMPARE(str(error, "code"), code);
            QCOMPARE(str(error, "decline_code"), decline);
            QCOMPARE(str(error.value(QStringLiteral("payment_intent")).toObject(), "status"),
                     QStringLiteral("requires_payment_method"));
        }

        const auto detached =
            call("POST", QStringLiteral("/v1/payment_methods/%1/detach").arg(pm), {}, "stripe-node-retry-4");
        QCOMPARE(detached.status, 200);
        QVERIFY(detached.json().value(QStringLiteral("customer")).isNull());

        // Checkout that saves the card, and the customer_creation=always variant.
        const QByteArray saving =
            "mode=payment&customer=" + cus.toLatin1() +
            "&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=1999"
            "&line_items[0][price_data][product_data][name]=VPS%20S%20%281%20month%29&line_items[0][quantity]"
            "=1"
            "&payment_intent_data[setup_future_usage]=off_session&payment_intent_data[metadata][order_id]=43"
            "&success_url=https%3A%2F%2Fpanel.example.com%2Fbilling%2Fsuccess%3Fsession_id%3D%7BCHECKOUT_"
            "SESSION_ID%7D"
            "&cancel_url=https%3A%2F%2Fpanel.example.com%2Fbilling%2Fcancel&client_reference_id=invoice-1043"
            "&metadata[order_id]=43";
        const auto session =
            call("POST", QStringLiteral("/v1/checkout/sessions"), saving, "mpanel-order-43-checkout-1");
        QCOMPARE(session.status, 200);
        QCOMPARE(str(session.json(), "customer"), cus);
        const QByteArray creating =
            "mode=payment&customer_creation=always&customer_email=buyer%40example.com"
            "&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=1999"
            "&line_items[0][price_data][product_data][name]=VPS%20S%20%281%20month%29&line_items[0][quantity]"
            "=1"
            "&payment_intent_data[setup_future_usage]=off_session"
            "&success_url=https%3A%2F%2Fpanel.example.com%2Fbilling%2Fsuccess%3Fsession_id%3D%7BCHECKOUT_"
            "SESSION_ID%7D";
        QCOMPARE(call("POST", QStringLiteral("/v1/checkout/sessions"), creating, "mpanel-order-44-checkout-1")
                     .status,
                 200);

        for (const QString &path :
             {QStringLiteral("/v1/webhook_endpoints"), QStringLiteral("/v1/webhook_endpoints?limit=100")}) {
            const auto endpoints = call("GET", path, {});
            QCOMPARE(endpoints.status, 200);
            QCOMPARE(str(endpoints.json(), "object"), QStringLiteral("list"));
            QVERIFY(!endpoints.json().value(QStringLiteral("data")).toArray().isEmpty());
        }
    }

    void checkoutSavesTheCardAndTheCustomerManagesIt()
    {
        const Subscriber s = subscribe(QStringLiteral("Carla"), QStringLiteral("4242 4242 4242 4242"));
        QVERIFY(!s.renewalInvoice.isEmpty());
        const QString cus = m_fx.text(
            QStringLiteral("SELECT stripe_customer FROM stripe_customers WHERE customer_id = ?::uuid"),
            {s.customerId});
        QVERIFY(cus.startsWith(QLatin1String("cus_")));
        // The session named the customer and asked to keep the card.
        bool saw = false;
        for (const auto &r : m_stripe.requests()) {
            if (r.path == QLatin1String("/v1/checkout/sessions") &&
                r.body.contains("customer=" + cus.toLatin1())) {
                QVERIFY(r.body.contains("payment_intent_data[setup_future_usage]=off_session"));
                QVERIFY(!r.body.contains("customer_email"));
                saw = true;
            }
        }
        QVERIFY(saw);

        const auto listed = m_fx.call("GET", QStringLiteral("/api/cards"), s.token);
        QCOMPARE(listed.status, 200);
        QJsonArray cards = listed.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(cards.size(), 1);
        QCOMPARE(str(cards[0].toObject(), "last4"), QStringLiteral("4242"));
        QVERIFY(cards[0].toObject().value(QStringLiteral("default")).toBool());

        // A second card; the customer makes it the default.
        QVERIFY(
            m_stripe.attachTestCard(cus, QStringLiteral("pm_card_authenticationRequiredSetupForOffSession"))
                .ok());
        cards = m_fx.call("GET", QStringLiteral("/api/cards"), s.token)
                    .json()
                    .value(QStringLiteral("items"))
                    .toArray();
        QCOMPARE(cards.size(), 2);
        QString second, first;
        for (const QJsonValue &c : cards)
            (str(c.toObject(), "last4") == QLatin1String("0446") ? second : first) = str(c.toObject(), "id");
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/cards/%1/default").arg(second), s.token).status, 200);
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM payment_cards WHERE customer_id = ?::uuid AND "
                                       "is_default"),
                        {s.customerId}),
            1);
        QCOMPARE(m_fx.text(QStringLiteral(
                               "SELECT last4 FROM payment_cards WHERE is_default AND customer_id = ?::uuid"),
                           {s.customerId}),
                 QStringLiteral("0446"));

        // Somebody else sees none of them and cannot touch them; staff name the customer.
        const auto other = m_fx.customer(QStringLiteral("Mallory"));
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/cards"), other.first)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/cards/%1/default").arg(first), other.first).status,
                 404);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/cards/%1").arg(first), other.first).status, 404);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/cards"), m_fx.admin()).status, 422);
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/cards?customer_id=") + s.customerId, m_fx.admin())
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 2);

        // Removing the default detaches it at Stripe for good; the other card takes over.
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/cards/%1").arg(second), s.token).status, 200);
        const QString removedPm =
            m_fx.text(QStringLiteral("SELECT payment_method FROM payment_cards WHERE id = ?::uuid"), {first});
        QVERIFY(!removedPm.isEmpty());
        cards = m_fx.call("GET", QStringLiteral("/api/cards"), s.token)
                    .json()
                    .value(QStringLiteral("items"))
                    .toArray();
        QCOMPARE(cards.size(), 1);
        QCOMPARE(str(cards[0].toObject(), "id"), first);
        QVERIFY(cards[0].toObject().value(QStringLiteral("default")).toBool());
    }

    void aRenewalIsChargedOnceUnderRacingRunsAndARestart()
    {
        const Subscriber s = subscribe(QStringLiteral("Rita"), QStringLiteral("4242 4242 4242 4242"));
        QVERIFY(!s.renewalInvoice.isEmpty());
        // Before the due date nothing is charged, however often the job runs.
        m_clock.set(kDueStart.addSecs(-3600 * 3));
        QCOMPARE(runCharges(2), 0);
        QCOMPARE(intentsFor(s.renewalInvoice).size(), 0);
        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("unpaid"));

        m_clock.set(kDueStart.addSecs(60));
        // A run charges at Stripe and dies before its commit; Stripe's webhooks are lost too.
        m_stripe.webhooks().setEndpoint(QUrl(), {});
        QCOMPARE(runCharges(1, false), 0);
        QCOMPARE(intentsFor(s.renewalInvoice).size(), 1);
        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("unpaid"));
        m_stripe.setWebhookEndpoint(m_fx.url(QStringLiteral("/webhooks/stripe")), {kWebhookSecret});

        // Eight runs at once after the restart: the attempt is made again with the same key.
        QCOMPARE(runCharges(8), 0);
        const QList<QJsonObject> intents = intentsFor(s.renewalInvoice);
        QCOMPARE(intents.size(), 1);
        QCOMPARE(str(intents[0], "status"), QStringLiteral("succeeded"));
        QCOMPARE(intents[0].value(QStringLiteral("amount")).toInteger(),
                 m_fx.scalar(QStringLiteral("SELECT total_minor FROM invoices WHERE id = ?::uuid"),
                             {s.renewalInvoice}));
        const QStringList keys = offSessionKeys().filter(s.renewalInvoice);
        QVERIFY2(keys.size() >= 2, qPrintable(keys.join(u' ')));
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), 1);
        QCOMPARE(keys.first(), payments::RenewalCharges::idempotencyKey(s.renewalInvoice, 1));

        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("paid"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT count(*) FROM payments WHERE invoice_id = ?::uuid"),
                             {s.renewalInvoice}),
                 1);
        QCOMPARE(attempts(s.renewalInvoice), 1);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT state FROM renewal_charges WHERE invoice_id = ?::uuid"),
                           {s.renewalInvoice}),
                 QStringLiteral("succeeded"));
        // The renewal paid extends the subscription; later runs and the webhook change nothing.
        QCOMPARE(m_fx.text(QStringLiteral(
                               "SELECT current_period_end::date::text FROM subscriptions WHERE id = ?::uuid"),
                           {s.subscriptionId}),
                 QStringLiteral("2026-05-02"));
        m_clock.set(kDueStart.addDays(1));
        QCOMPARE(runCharges(3), 0);
        QCOMPARE(intentsFor(s.renewalInvoice).size(), 1);
        QCOMPARE(attempts(s.renewalInvoice), 1);
    }

    void aDefaultCardChangedAfterACrashedAttemptDoesNotBreakItsKey()
    {
        const Subscriber s = subscribe(QStringLiteral("Pia"), QStringLiteral("4242 4242 4242 4242"));
        QVERIFY(!s.renewalInvoice.isEmpty());
        // The card saved in Checkout, as mPanel lists it (the listing reads it from Stripe).
        QCOMPARE(m_fx.call("GET", QStringLiteral("/api/cards"), s.token).status, 200);
        const QString firstPm =
            m_fx.text(QStringLiteral("SELECT payment_method FROM payment_cards WHERE customer_id = ?::uuid"),
                      {s.customerId});
        QVERIFY(firstPm.startsWith(QLatin1String("pm_")));
        m_clock.set(kDueStart.addSecs(60));
        // The attempt charges the first card at Stripe and dies before its commit.
        m_stripe.webhooks().setEndpoint(QUrl(), {});
        const int crashed = runCharges(1, false);
        m_stripe.setWebhookEndpoint(m_fx.url(QStringLiteral("/webhooks/stripe")), {kWebhookSecret});
        QCOMPARE(crashed, 0);
        QCOMPARE(intentsFor(s.renewalInvoice).size(), 1);

        // Meanwhile the customer adds a card and makes it the default.
        const QString cus = m_fx.text(
            QStringLiteral("SELECT stripe_customer FROM stripe_customers WHERE customer_id = ?::uuid"),
            {s.customerId});
        auto added = m_stripe.attachTestCard(cus, QStringLiteral("pm_card_chargeCustomerFail"));
        QVERIFY(added.ok());
        // A month on, the customer's session has expired: staff do it on their behalf.
        QString second;
        const auto listed =
            m_fx.call("GET", QStringLiteral("/api/cards?customer_id=") + s.customerId, m_fx.admin());
        for (const QJsonValue &c : listed.json().value(QStringLiteral("items")).toArray())
            if (str(c.toObject(), "payment_method") == str(*added, "id"))
                second = str(c.toObject(), "id");
        QVERIFY2(!second.isEmpty(), listed.body.constData());
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/cards/%1/default").arg(second), m_fx.admin()).status,
                 200);
        QCOMPARE(m_fx.text(QStringLiteral("SELECT payment_method FROM payment_cards WHERE is_default AND "
                                          "customer_id = ?::uuid"),
                           {s.customerId}),
                 str(*added, "id"));

        // The repeated attempt sends what the first one sent (its card), so Stripe replays the
        // charge instead of refusing the key; the new card is not touched.
        const qsizetype before = m_stripe.requests().size();
        QCOMPARE(runCharges(8), 0);
        const QList<QJsonObject> intents = intentsFor(s.renewalInvoice);
        QCOMPARE(intents.size(), 1);
        QCOMPARE(str(intents[0], "payment_method"), firstPm);
        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("paid"));
        QCOMPARE(m_fx.text(QStringLiteral("SELECT state || ' ' || payment_method FROM renewal_charges "
                                          "WHERE invoice_id = ?::uuid"),
                           {s.renewalInvoice}),
                 QStringLiteral("succeeded ") + firstPm);
        int repeats = 0;
        for (qsizetype i = before; i < m_stripe.requests().size(); ++i) {
            const auto &r = m_stripe.requests().at(i);
            if (r.path == QLatin1String("/v1/payment_intents")) {
                ++repeats;
                QCOMPARE(QString::fromUtf8(r.header("Idempotency-Key")),
                         payments::RenewalCharges::idempotencyKey(s.renewalInvoice, 1));
                QVERIFY2(r.body.contains("payment_method=" + firstPm.toLatin1()), r.body.constData());
            }
        }
        QCOMPARE(repeats, 1);
    }

    void aCardNeedingAuthenticationGetsThePayLinkMailAndIsPaidByHand()
    {
        m_sink.clear();
        const Subscriber s = subscribe(QStringLiteral("Anton"), QStringLiteral("4000 0027 6000 3184"));
        QVERIFY(!s.renewalInvoice.isEmpty());
        m_clock.set(kDueStart.addSecs(60));
        QCOMPARE(runCharges(1), 0);
        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("unpaid"));
        QCOMPARE(
            m_fx.text(QStringLiteral("SELECT decline_code FROM renewal_charges WHERE invoice_id = ?::uuid"),
                      {s.renewalInvoice}),
            QStringLiteral("authentication_required"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = "
                                            "'payment.action_required' AND payload->>'invoice_id' = ?"),
                             {s.renewalInvoice}),
                 1);
        sendMail();
        QJsonObject mail;
        for (const QString &file : m_sink.messages()) {
            const QJsonObject summary = m_sink.summary(file);
            if (str(summary, "to").contains(s.email))
                mail = summary;
        }
        QVERIFY2(!mail.isEmpty(), "no mail to the customer");
        const QString payLink =
            QStringLiteral("https://panel.hosting.example/invoices/%1/pay").arg(s.renewalInvoice);
        QVERIFY2(QJsonDocument(mail).toJson().contains(payLink.toUtf8()),
                 QJsonDocument(mail).toJson().constData());

        // The customer follows the link, signs in again (a month later) and pays by hand; no
        // automatic attempt follows.
        const auto login = m_fx.call("POST", QStringLiteral("/api/auth/login"), {},
                                     {{QStringLiteral("tenant_id"), m_fx.tenant()},
                                      {QStringLiteral("email"), s.email},
                                      {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        QVERIFY2(login.status == 200, login.body.constData());
        QVERIFY(!payInCheckout(s.renewalInvoice, str(login.json(), "access_token"),
                               QStringLiteral("4242 4242 4242 4242"))
                     .isEmpty());
        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("paid"));
        m_clock.set(kDueStart.addDays(1).addSecs(60));
        QCOMPARE(runCharges(1), 0);
        QCOMPARE(attempts(s.renewalInvoice), 1);
        runDunning();
        QCOMPARE(subscriptionStatus(s), QStringLiteral("active"));
    }

    void aDecliningCardIsRetriedOnScheduleThenPastDue()
    {
        const Subscriber s = subscribe(QStringLiteral("Dora"), QStringLiteral("4242 4242 4242 4242"));
        QVERIFY(!s.renewalInvoice.isEmpty());
        const QString cus = m_fx.text(
            QStringLiteral("SELECT stripe_customer FROM stripe_customers WHERE customer_id = ?::uuid"),
            {s.customerId});
        // The customer swaps in a card that attaches but declines every charge.
        auto failing = m_stripe.attachTestCard(cus, QStringLiteral("pm_card_chargeCustomerFail"));
        QVERIFY(failing.ok());
        const QJsonArray cards = m_fx.call("GET", QStringLiteral("/api/cards"), s.token)
                                     .json()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        QString failingId;
        for (const QJsonValue &c : cards) {
            if (str(c.toObject(), "payment_method") == str(*failing, "id"))
                failingId = str(c.toObject(), "id");
        }
        QVERIFY(!failingId.isEmpty());
        QCOMPARE(m_fx.call("POST", QStringLiteral("/api/cards/%1/default").arg(failingId), s.token).status,
                 200);

        // Due date, then retries on days 1, 3, 5 and 7; runs in between do nothing.
        const QList<int> runDays{0, 1, 2, 3, 4, 5, 6, 7};
        const QHash<int, int> expectedAttempts{{0, 1}, {1, 2}, {2, 2}, {3, 3},
                                               {4, 3}, {5, 4}, {6, 4}, {7, 5}};
        for (int day : runDays) {
            m_clock.set(kDueStart.addDays(day).addSecs(60));
            QCOMPARE(runCharges(2), 0);
            QCOMPARE(attempts(s.renewalInvoice), qint64(expectedAttempts.value(day)));
            runDunning();
            // Past due only once the schedule is spent.
            QCOMPARE(subscriptionStatus(s), day < 7 ? QStringLiteral("active") : QStringLiteral("past_due"));
        }
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM renewal_charges WHERE invoice_id = ?::uuid AND "
                                       "state = 'failed' AND decline_code = 'card_declined'"),
                        {s.renewalInvoice}),
            5);
        QCOMPARE(m_fx.text(QStringLiteral(
                               "SELECT string_agg(extract(day from created_at)::text, ',' ORDER BY attempt) "
                               "FROM renewal_charges WHERE invoice_id = ?::uuid"),
                           {s.renewalInvoice}),
                 QStringLiteral("2,3,5,7,9"));
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM renewal_charges WHERE invoice_id = ?::uuid AND "
                                       "payment_method = ?"),
                        {s.renewalInvoice, str(*failing, "id")}),
            5);
        const QStringList keys = offSessionKeys().filter(s.renewalInvoice);
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), 5);
        QVERIFY(m_fx.text(QStringLiteral("SELECT collection_retry_at::text FROM invoices WHERE id = ?::uuid"),
                          {s.renewalInvoice})
                    .isEmpty());
        // Each declined attempt told the customer.
        QCOMPARE(
            m_fx.scalar(QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = 'payment.failed' "
                                       "AND payload->>'invoice_id' = ?"),
                        {s.renewalInvoice}),
            5);
        QCOMPARE(m_fx.invoiceStatus(s.renewalInvoice), QStringLiteral("unpaid"));
    }
};

QTEST_MAIN(TestRenewalCharges)
#include "tst_renewal_charges.moc"
