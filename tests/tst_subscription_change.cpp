// Upgrades and downgrades on a real database: the exact prorated amount for a known calendar
// case, the invoice that a double submit does not duplicate, paying it switching the product
// (with the provisioning job queued), a downgrade applied at once with its credit note, and
// the refusals, each naming its field.
#include "core/clock.h"
#include "jobs/job_registry.h"
#include "subscriptions/subscription_change.h"
#include "subscriptions/subscription_proration.h"
#include "support/service_fixture.h"

using namespace mp;
using namespace mp::test;
using namespace mp::subscriptions;

namespace {

const QDateTime kStart(QDate(2026, 1, 31), QTime(10, 0), QTimeZone::utc());

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject errorOf(const QJsonObject &body)
{
    return body.value(QStringLiteral("error")).toObject();
}

} // namespace

class TestSubscriptionChange : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    QString m_tenant, m_admin;
    QString m_alice, m_aliceId, m_bob, m_bobId;
    QString m_small, m_large, m_hidden, m_retired, m_dollars;

    QString insertProduct(const QString &name, const QString &visibility = QStringLiteral("active"))
    {
        auto q = sql::exec(m_api.db(),
                           QStringLiteral("INSERT INTO products (tenant_id, type, name, visibility) VALUES "
                                          "(?::uuid, 'other', ?, ?) RETURNING id::text"),
                           {m_tenant, name, visibility});
        if (!q || !q->next())
            qFatal("product: %s", q ? "no row" : qPrintable(q.error().message));
        return q->value(0).toString();
    }
    void price(const QString &product, const QString &cycle, qint64 amount,
               const QString &currency = QStringLiteral("EUR"))
    {
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                       "SELECT tenant_id, id, ?, ?, ? FROM products WHERE id = ?::uuid"),
                   {cycle, currency, amount, product});
    }
    QPair<QString, QString> signup(const QString &name, const QString &email)
    {
        const QJsonObject body{{QStringLiteral("tenant_id"), m_tenant},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("email"), email},
                               {QStringLiteral("country"), QStringLiteral("DE")},
                               {QStringLiteral("password"), QStringLiteral("correct horse battery")}};
        const auto r = m_api.call("POST", QStringLiteral("/api/auth/signup"), {}, body);
        if (r.status != 201)
            qFatal("signup: %d %s", r.status, r.body.constData());
        auto q =
            sql::exec(m_api.db(), QStringLiteral("SELECT id::text FROM customers WHERE email = ?"), {email});
        q->next();
        return {str(r.json(), "access_token"), q->value(0).toString()};
    }
    // Customer access tokens are short-lived and the tests move the clock: sign in at "now".
    QString login(const QString &email)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/auth/login"), {},
                                  {{QStringLiteral("tenant_id"), m_tenant},
                                   {QStringLiteral("email"), email},
                                   {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        if (r.status != 200)
            qFatal("login: %d %s", r.status, r.body.constData());
        return str(r.json(), "access_token");
    }
    int setInvoiceStatus(const QString &invoiceId, const QString &status)
    {
        return m_api
            .call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoiceId), m_admin,
                  {{QStringLiteral("status"), status}, {QStringLiteral("reason"), QStringLiteral("test")}})
            .status;
    }
    // A paid subscription of alice's, started at kStart (period 31 Jan .. 28 Feb: 28 days).
    QString subscribe(const QString &product, const QString &cycle = QStringLiteral("monthly"))
    {
        m_clock.set(kStart);
        const auto r =
            m_api.call("POST", QStringLiteral("/api/checkout"), login(QStringLiteral("alice@example.com")),
                       {{QStringLiteral("product_id"), product}, {QStringLiteral("cycle"), cycle}});
        if (r.status != 201)
            qFatal("checkout: %d %s", r.status, r.body.constData());
        if (setInvoiceStatus(str(r.json(), "invoice_id"), QStringLiteral("paid")) != 200)
            qFatal("pay failed");
        auto q = sql::exec(m_api.db(),
                           QStringLiteral("SELECT s.id::text FROM subscriptions s JOIN order_items oi ON "
                                          "oi.id = s.order_item_id WHERE oi.order_id = ?::uuid"),
                           {str(r.json(), "order_id")});
        if (!q || !q->next())
            qFatal("no subscription");
        return q->value(0).toString();
    }
    HttpResult change(const QString &id, const QJsonObject &body, const QString &token = {})
    {
        return m_api.call("POST", QStringLiteral("/api/subscriptions/%1/change").arg(id),
                          token.isEmpty() ? m_admin : token, body);
    }
    QJsonObject to(const QString &product, const QString &cycle = QStringLiteral("monthly"))
    {
        return {{QStringLiteral("product_id"), product}, {QStringLiteral("cycle"), cycle}};
    }
    QJsonObject subscription(const QString &id)
    {
        return m_api.call("GET", QStringLiteral("/api/subscriptions/%1").arg(id), m_admin).json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        m_api.start(QStringLiteral("subscription_change"));
        m_tenant = m_api.tenant(QStringLiteral("Change Hosting"));
        m_api.exec(QStringLiteral("UPDATE tenants SET country = 'DE' WHERE id = ?::uuid"), {m_tenant});
        m_api.exec(QStringLiteral("INSERT INTO tax_rates (tenant_id, country, name, rate_ppm) VALUES "
                                  "(?::uuid, 'DE', 'USt.', 190000)"),
                   {m_tenant});
        m_admin = m_api.staffToken(m_tenant);
        m_small = insertProduct(QStringLiteral("Hosting S"));
        price(m_small, QStringLiteral("monthly"), 1000);
        price(m_small, QStringLiteral("annual"), 10000);
        m_large = insertProduct(QStringLiteral("Hosting L"));
        price(m_large, QStringLiteral("monthly"), 2500);
        price(m_large, QStringLiteral("annual"), 24000);
        price(m_large, QStringLiteral("one_time"), 9000);
        m_hidden = insertProduct(QStringLiteral("Hosting H"), QStringLiteral("hidden"));
        price(m_hidden, QStringLiteral("monthly"), 3000);
        m_retired = insertProduct(QStringLiteral("Hosting R"), QStringLiteral("retired"));
        price(m_retired, QStringLiteral("monthly"), 3000);
        m_dollars = insertProduct(QStringLiteral("Hosting USD"));
        price(m_dollars, QStringLiteral("monthly"), 3000, QStringLiteral("USD"));
        std::tie(m_alice, m_aliceId) = signup(QStringLiteral("Alice"), QStringLiteral("alice@example.com"));
        std::tie(m_bob, m_bobId) = signup(QStringLiteral("Bob"), QStringLiteral("bob@example.com"));
    }

    void prorationArithmetic()
    {
        QCOMPARE(SubscriptionProration::divideHalfUp(5, 2), 3);
        QCOMPARE(SubscriptionProration::divideHalfUp(-5, 2), -3);
        QCOMPARE(SubscriptionProration::divideHalfUp(4, 3), 1);
        QCOMPARE(SubscriptionProration::divideHalfUp(-7, 4), -2);
        // Monthly 10.00 to annual 240.00 with 14 of 28 days left: (240/12 - 10) x 14/28 = 5.00.
        const Proration p = SubscriptionProration::compute(1000, 1, 24000, 12, 1, QDate(2026, 2, 14),
                                                           QDate(2026, 1, 31), QDate(2026, 2, 28));
        QCOMPARE(p.daysRemaining, 14);
        QCOMPARE(p.periodDays, 28);
        QCOMPARE(p.proratedMinor, 500);
        // Past the period end nothing is left to prorate.
        QCOMPARE(SubscriptionProration::compute(1000, 1, 2500, 1, 1, QDate(2026, 3, 2), QDate(2026, 1, 31),
                                                QDate(2026, 2, 28))
                     .proratedMinor,
                 0);
    }

    void upgradeMidPeriodInvoicesOnceAndPaymentSwitchesTheProduct()
    {
        const QString id = subscribe(m_small);
        // 9 February: 19 of the period's 28 days left. (25.00 - 10.00) x 19 / 28 = 10.178... -> 10.18
        m_clock.set(QDateTime(QDate(2026, 2, 9), QTime(12, 0), QTimeZone::utc()));
        const auto first =
            change(id, to(m_large), login(QStringLiteral("alice@example.com"))); // the customer herself
        QCOMPARE(first.status, 201);
        const QJsonObject c = first.json();
        QCOMPARE(str(c, "kind"), QStringLiteral("upgrade"));
        QCOMPARE(str(c, "status"), QStringLiteral("pending"));
        QCOMPARE(c.value(QStringLiteral("days_remaining")).toInt(), 19);
        QCOMPARE(c.value(QStringLiteral("period_days")).toInt(), 28);
        QCOMPARE(c.value(QStringLiteral("prorated_minor")).toInteger(), 1018);
        const QString invoiceId = str(c, "invoice_id");
        QVERIFY(!invoiceId.isEmpty());
        const auto inv = m_api.call("GET", QStringLiteral("/api/invoices/%1").arg(invoiceId), m_admin).json();
        QCOMPARE(str(inv, "status"), QStringLiteral("unpaid"));
        QCOMPARE(inv.value(QStringLiteral("net_minor")).toInteger(), 1018);
        QCOMPARE(inv.value(QStringLiteral("total_minor")).toInteger(), 1211); // + 19 %: 193.42 -> 193

        // Double submit: the same pending change, the same one invoice.
        const auto second = change(id, to(m_large));
        QCOMPARE(second.status, 200);
        QCOMPARE(str(second.json(), "id"), str(c, "id"));
        QCOMPARE(str(second.json(), "invoice_id"), invoiceId);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM subscription_changes WHERE subscription_id = "
                                        "?::uuid AND invoice_id IS NOT NULL"),
                         {id}),
            1);
        // Another target while one waits for payment.
        const auto other = change(id, to(m_large, QStringLiteral("annual")));
        QCOMPARE(other.status, 409);
        QCOMPARE(str(errorOf(other.json()), "field"), QStringLiteral("product_id"));

        // Unpaid: still the old product.
        QCOMPARE(str(subscription(id), "product_id"), m_small);
        QCOMPARE(setInvoiceStatus(invoiceId, QStringLiteral("paid")), 200);
        const QJsonObject s = subscription(id);
        QCOMPARE(str(s, "product_id"), m_large);
        QCOMPARE(s.value(QStringLiteral("unit_price_minor")).toInteger(), 2500);
        QCOMPARE(str(s, "current_period_end"), QStringLiteral("2026-02-28T10:00:00.000Z"));
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM subscription_events WHERE subscription_id = "
                                        "?::uuid AND event = 'changed' AND actor = 'payment'"),
                         {id}),
            1);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM subscription_changes WHERE id = ?::uuid AND "
                                        "status = 'applied'"),
                         {str(c, "id")}),
            1);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = "
                                        "'subscriptions.change_provision' AND payload->>'change_id' = ?"),
                         {str(c, "id")}),
            1);
        QVERIFY(JobRegistry::global().contains(SubscriptionChanges::provisionJobKind()));
    }

    void downgradeAppliesNowWithACreditNote()
    {
        const QString id = subscribe(m_large);
        m_clock.set(QDateTime(QDate(2026, 2, 14), QTime(8, 0), QTimeZone::utc()));
        const auto r = change(id, to(m_small));
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.json();
        QCOMPARE(str(c, "kind"), QStringLiteral("downgrade"));
        QCOMPARE(str(c, "status"), QStringLiteral("applied"));
        QCOMPARE(c.value(QStringLiteral("prorated_minor")).toInteger(), -750); // (10 - 25) x 14/28
        QVERIFY(c.value(QStringLiteral("invoice_id")).isNull());
        const QString note = str(c, "credit_note_id");
        QVERIFY(!note.isEmpty());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT net_minor FROM credit_notes WHERE id = ?::uuid"), {note}),
            750);
        const QJsonObject s = subscription(id);
        QCOMPARE(str(s, "product_id"), m_small);
        QCOMPARE(s.value(QStringLiteral("unit_price_minor")).toInteger(), 1000);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = "
                                        "'subscriptions.change_provision' AND payload->>'change_id' = ?"),
                         {str(c, "id")}),
            1);
        // The same request again: already there.
        QCOMPARE(change(id, to(m_small)).status, 409);
    }

    void refusalsNameTheField()
    {
        const QString id = subscribe(m_small);
        m_clock.set(QDateTime(QDate(2026, 2, 10), QTime(8, 0), QTimeZone::utc()));
        auto expect = [&](const QJsonObject &body, int status, const QString &field) {
            const auto r = change(id, body);
            if (r.status != status)
                qWarning("%s", r.body.constData());
            QCOMPARE(r.status, status);
            QCOMPARE(str(errorOf(r.json()), "field"), field);
        };
        QJsonObject usd = to(m_large);
        usd.insert(QStringLiteral("currency"), QStringLiteral("USD"));
        expect(usd, 422, QStringLiteral("currency"));
        expect(to(m_dollars), 422, QStringLiteral("currency"));
        expect(to(m_hidden), 422, QStringLiteral("product_id"));
        expect(to(m_retired), 422, QStringLiteral("product_id"));
        expect(to(m_large, QStringLiteral("one_time")), 422, QStringLiteral("cycle"));
        expect(to(m_large, QStringLiteral("weekly")), 422, QStringLiteral("cycle"));
        expect(to(m_small), 409, QStringLiteral("product_id"));
        expect({{QStringLiteral("cycle"), QStringLiteral("monthly")}}, 422, QStringLiteral("product_id"));
        // Someone else's subscription is not there for a customer.
        QCOMPARE(change(id, to(m_large), login(QStringLiteral("bob@example.com"))).status, 404);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM subscription_changes WHERE subscription_id = "
                                        "?::uuid"),
                         {id}),
            0);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(id), m_admin,
                           {{QStringLiteral("mode"), QStringLiteral("now")}})
                     .status,
                 200);
        expect(to(m_large), 409, QStringLiteral("status"));
    }

    void cleanupTestCase() { m_scopedClock.reset(); }
};

QTEST_GUILESS_MAIN(TestSubscriptionChange)
#include "tst_subscription_change.moc"
