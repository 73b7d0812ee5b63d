// Checkout, invoices and their scoping through the real HTTP API: the happy paths with exact
// totals, every bad checkout input answered 4xx naming the field with no order or invoice left
// behind, who sees which invoice, status changes with their audit trail, and the PDF.
#include "core/clock.h"
#include "support/service_fixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace mp;
using namespace mp::test;

namespace {

const QDateTime kStart(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestBillingApi : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    QString m_tenant, m_other;
    QString m_admin, m_reader, m_otherAdmin;
    QString m_alice, m_aliceId, m_bob, m_bobId; // customer access tokens and ids
    QString m_hosting, m_domain, m_retired, m_hidden, m_foreign;

    QString insertProduct(const QString &tenant, const QString &type, const QString &name,
                          const QString &visibility, const QString &tld = {})
    {
        auto q = sql::exec(m_api.db(),
                           QStringLiteral("INSERT INTO products (tenant_id, type, name, visibility, tld) "
                                          "VALUES (?::uuid, ?, ?, ?, nullif(?, '')) RETURNING id::text"),
                           {tenant, type, name, visibility, tld});
        if (!q || !q->next())
            qFatal("product: %s", q ? "no row" : qPrintable(q.error().message));
        return q->value(0).toString();
    }
    void price(const QString &product, const QString &cycle, const QString &currency, qint64 amount,
               qint64 setup = 0)
    {
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor, "
                       "setup_fee_minor) SELECT tenant_id, id, ?, ?, ?, ? FROM products WHERE id = ?::uuid"),
                   {cycle, currency, amount, setup, product});
    }
    QPair<QString, QString> signup(const QString &name, const QString &email, const QString &country = {},
                                   const QString &taxId = {})
    {
        QJsonObject body{{QStringLiteral("tenant_id"), m_tenant},
                         {QStringLiteral("name"), name},
                         {QStringLiteral("email"), email},
                         {QStringLiteral("password"), QStringLiteral("correct horse battery")}};
        if (!country.isEmpty())
            body.insert(QStringLiteral("country"), country);
        if (!taxId.isEmpty())
            body.insert(QStringLiteral("tax_id"), taxId);
        const auto r = m_api.call("POST", QStringLiteral("/api/auth/signup"), {}, body);
        if (r.status != 201)
            qFatal("signup: %d %s", r.status, r.body.constData());
        auto q =
            sql::exec(m_api.db(), QStringLiteral("SELECT id::text FROM customers WHERE email = ?"), {email});
        q->next();
        return {str(r.json(), "access_token"), q->value(0).toString()};
    }
    qint64 rows(const char *table)
    {
        return m_api.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    }
    QJsonObject checkoutBody(const QString &product, const QString &cycle, qint64 quantity)
    {
        return {{QStringLiteral("product_id"), product},
                {QStringLiteral("cycle"), cycle},
                {QStringLiteral("quantity"), quantity}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        m_api.start(QStringLiteral("billing"));
        m_tenant = m_api.tenant(QStringLiteral("Billing Hosting"));
        m_other = m_api.tenant(QStringLiteral("Other Hosting"));
        m_api.exec(QStringLiteral("UPDATE tenants SET country = 'DE' WHERE id = ?::uuid"), {m_tenant});
        m_api.exec(
            QStringLiteral("UPDATE billing_settings SET seller_address = 'Hauptstr. 1\n10115 Berlin', "
                           "seller_tax_id = 'DE123456789', bank_details = 'IBAN DE02 1203 0000 0000 2020 51' "
                           "WHERE tenant_id = ?::uuid"),
            {m_tenant});
        m_api.exec(QStringLiteral("INSERT INTO tax_rates (tenant_id, country, name, rate_ppm) VALUES "
                                  "(?::uuid, NULL, 'VAT', 190000), (?::uuid, 'DE', 'USt.', 190000)"),
                   {m_tenant, m_tenant});
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        m_otherAdmin = m_api.staffToken(m_other);

        m_hosting = insertProduct(m_tenant, QStringLiteral("other"), QStringLiteral("Web Hosting M"),
                                  QStringLiteral("active"));
        price(m_hosting, QStringLiteral("monthly"), QStringLiteral("EUR"), 999, 500);
        price(m_hosting, QStringLiteral("annual"), QStringLiteral("EUR"), 9990);
        m_domain = insertProduct(m_tenant, QStringLiteral("domain"), QStringLiteral(".com"),
                                 QStringLiteral("active"), QStringLiteral("com"));
        m_api.exec(
            QStringLiteral(
                "INSERT INTO tld_prices (tenant_id, product_id, action, years, currency, amount_minor) "
                "SELECT tenant_id, id, 'register', y, 'EUR', a FROM products, "
                "(VALUES (1, 1200), (2, 2200)) AS v(y, a) WHERE id = ?::uuid"),
            {m_domain});
        m_retired = insertProduct(m_tenant, QStringLiteral("other"), QStringLiteral("Old"),
                                  QStringLiteral("retired"));
        price(m_retired, QStringLiteral("monthly"), QStringLiteral("EUR"), 100);
        m_hidden = insertProduct(m_tenant, QStringLiteral("other"), QStringLiteral("Secret"),
                                 QStringLiteral("hidden"));
        price(m_hidden, QStringLiteral("monthly"), QStringLiteral("EUR"), 100);
        m_foreign = insertProduct(m_other, QStringLiteral("other"), QStringLiteral("Theirs"),
                                  QStringLiteral("active"));
        price(m_foreign, QStringLiteral("monthly"), QStringLiteral("EUR"), 100);

        std::tie(m_alice, m_aliceId) =
            signup(QStringLiteral("Alice"), QStringLiteral("alice@example.com"), QStringLiteral("DE"));
        std::tie(m_bob, m_bobId) = signup(QStringLiteral("Bob"), QStringLiteral("bob@example.at"),
                                          QStringLiteral("AT"), QStringLiteral("ATU12345678"));
    }

    void checkoutWithoutTokenSaysWhereToSignIn()
    {
        for (const QString &token : {QString(), QStringLiteral("mpc_not-a-token")}) {
            const auto r = m_api.call("POST", QStringLiteral("/api/checkout"), token,
                                      checkoutBody(m_hosting, QStringLiteral("monthly"), 1));
            QCOMPARE(r.status, 401);
            QCOMPARE(errorCode(r), QStringLiteral("unauthenticated"));
            const QJsonObject signIn = r.json().value(QStringLiteral("sign_in")).toObject();
            QCOMPARE(str(signIn, "url"), QStringLiteral("/api/auth/login"));
            QCOMPARE(str(signIn, "return_to"), QStringLiteral("/api/checkout"));
        }
        QCOMPARE(rows("orders"), 0);
    }

    // 2 x 9.99 monthly with a 5.00 setup fee each, 19 %: 19.98 + 3.80 tax, 10.00 + 1.90 tax.
    void checkoutHappyPath()
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/checkout"), m_alice,
                                  checkoutBody(m_hosting, QStringLiteral("monthly"), 2));
        QCOMPARE(r.status, 201);
        const QJsonObject b = r.json();
        QCOMPARE(str(b, "amount_due"), QStringLiteral("35.68"));
        QCOMPARE(b.value(QStringLiteral("amount_due_minor")).toInteger(), 3568);
        QCOMPARE(str(b, "invoice_number"), QStringLiteral("INV-2026-000001"));
        const QJsonObject inv = b.value(QStringLiteral("invoice")).toObject();
        QCOMPARE(str(inv, "status"), QStringLiteral("unpaid"));
        QCOMPARE(str(inv, "net"), QStringLiteral("29.98"));
        QCOMPARE(str(inv, "tax"), QStringLiteral("5.70"));
        QCOMPARE(str(inv, "due_date"), QStringLiteral("2026-12-08"));
        const QJsonArray items = inv.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(str(items.at(0).toObject(), "gross"), QStringLiteral("23.78"));
        QCOMPARE(str(items.at(1).toObject(), "description"), QStringLiteral("Setup fee: Web Hosting M"));
        QCOMPARE(str(items.at(1).toObject(), "gross"), QStringLiteral("11.90"));
        QCOMPARE(m_api.scalar(QStringLiteral(
                                  "SELECT count(*) FROM orders WHERE id = ?::uuid AND customer_id = ?::uuid"),
                              {str(b, "order_id"), m_aliceId}),
                 1);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT unit_price_minor FROM order_items")), 999);
        QCOMPARE(rows("invoice_items"), 2);
        // The catalog now knows the product has history (DELETE retires it).
        QCOMPARE(m_api.scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM products WHERE id = ?::uuid AND first_ordered_at IS NOT NULL"),
                     {m_hosting}),
                 1);
        // A later price change does not touch what was ordered.
        m_api.exec(QStringLiteral("UPDATE product_prices SET amount_minor = 1299 WHERE product_id = ?::uuid "
                                  "AND cycle = 'monthly'"),
                   {m_hosting});
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT total_minor FROM invoices WHERE id = ?::uuid"),
                              {str(b, "invoice_id")}),
                 3568);
        m_api.exec(QStringLiteral("UPDATE product_prices SET amount_minor = 999 WHERE product_id = ?::uuid "
                                  "AND cycle = 'monthly'"),
                   {m_hosting});
    }

    // Bob is an Austrian business with a VAT id, the tenant is German: reverse charge.
    void checkoutDomainWithReverseCharge()
    {
        QJsonObject body{{QStringLiteral("product_id"), m_domain},
                         {QStringLiteral("domain"), QStringLiteral("Example.COM")},
                         {QStringLiteral("years"), 2}};
        const auto r = m_api.call("POST", QStringLiteral("/api/checkout"), m_bob, body);
        QCOMPARE(r.status, 201);
        const QJsonObject inv = r.json().value(QStringLiteral("invoice")).toObject();
        QCOMPARE(str(inv, "total"), QStringLiteral("22.00"));
        QCOMPARE(str(inv, "tax"), QStringLiteral("0.00"));
        QVERIFY(inv.value(QStringLiteral("reverse_charge")).toBool());
        QVERIFY(str(inv, "tax_note").startsWith(QLatin1String("Reverse charge")));
        QCOMPARE(str(inv.value(QStringLiteral("items")).toArray().at(0).toObject(), "description"),
                 QStringLiteral("Domain registration example.com (2 years)"));
        QCOMPARE(
            m_api.scalar(QStringLiteral(
                "SELECT count(*) FROM order_items WHERE domain_name = 'example.com' AND domain_years = 2")),
            1);
    }

    void checkoutByStaff()
    {
        QJsonObject body = checkoutBody(m_hidden, QStringLiteral("monthly"), 3);
        auto r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("customer_id"));
        body.insert(QStringLiteral("customer_id"), m_aliceId);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/checkout"), m_reader, body).status, 403);
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin, body);
        QCOMPARE(r.status, 201); // staff may order a hidden product for a customer
        QCOMPARE(str(r.json(), "amount_due"), QStringLiteral("3.57"));
        // Another tenant's staff cannot order for this tenant's customer.
        QCOMPARE(errorField(m_api.call("POST", QStringLiteral("/api/checkout"), m_otherAdmin, body)),
                 QStringLiteral("customer_id"));
    }

    void checkoutRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, const QJsonObject &o, int status, const char *field) {
            QTest::newRow(name) << QJsonDocument(o).toJson() << status << QString::fromLatin1(field);
        };
        const QJsonObject ok = checkoutBody(m_hosting, QStringLiteral("monthly"), 1);
        auto with = [&ok](const char *key, const QJsonValue &v) {
            QJsonObject o = ok;
            if (v.isUndefined())
                o.remove(QLatin1String(key));
            else
                o.insert(QLatin1String(key), v);
            return o;
        };
        row("no product", with("product_id", QJsonValue::Undefined), 422, "product_id");
        row("product not a uuid", with("product_id", QStringLiteral("web-hosting")), 422, "product_id");
        row("unknown product", with("product_id", QStringLiteral("00000000-0000-4000-8000-000000000000")),
            422, "product_id");
        row("other tenant's product", with("product_id", m_foreign), 422, "product_id");
        row("retired product", with("product_id", m_retired), 422, "product_id");
        row("hidden product", with("product_id", m_hidden), 422, "product_id");
        row("unknown cycle", with("cycle", QStringLiteral("weekly")), 422, "cycle");
        row("no cycle", with("cycle", QJsonValue::Undefined), 422, "cycle");
        row("cycle without price", with("cycle", QStringLiteral("quarterly")), 422, "cycle");
        row("currency without price", with("currency", QStringLiteral("USD")), 422, "cycle");
        row("not a currency", with("currency", QStringLiteral("EURO")), 422, "currency");
        row("zero quantity", with("quantity", 0), 422, "quantity");
        row("negative quantity", with("quantity", -2), 422, "quantity");
        row("huge quantity", with("quantity", 1000000000), 422, "quantity");
        row("fractional quantity", with("quantity", 1.5), 400, "quantity");
        row("quantity as text", with("quantity", QStringLiteral("2")), 400, "quantity");
        row("domain on hosting", with("domain", QStringLiteral("a.com")), 422, "domain");
        row("unknown field", with("coupon", QStringLiteral("FREE")), 400, "coupon");
        const QJsonObject domain{{QStringLiteral("product_id"), m_domain},
                                 {QStringLiteral("domain"), QStringLiteral("example.com")},
                                 {QStringLiteral("years"), 1}};
        auto dom = [&domain](const char *key, const QJsonValue &v) {
            QJsonObject o = domain;
            o.insert(QLatin1String(key), v);
            return o;
        };
        row("domain of another TLD", dom("domain", QStringLiteral("example.org")), 422, "domain");
        row("bare TLD", dom("domain", QStringLiteral("com")), 422, "domain");
        row("bad label", dom("domain", QStringLiteral("-x-.com")), 422, "domain");
        row("too many years", dom("years", 11), 422, "years");
        row("years without price", dom("years", 3), 422, "years");
        row("domain with cycle", dom("cycle", QStringLiteral("monthly")), 422, "cycle");
        row("domain quantity", dom("quantity", 2), 422, "quantity");
        row("someone else's customer id", with("customer_id", m_bobId), 403, "customer_id");
        QTest::newRow("malformed JSON") << QByteArray("{\"product_id\": ") << 400 << QStringLiteral("body");
    }

    void checkoutRefusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const qint64 orders = rows("orders"), items = rows("order_items"), invoices = rows("invoices"),
                     lines = rows("invoice_items"),
                     counters = m_api.scalar(
                         QStringLiteral("SELECT coalesce(sum(last_value), 0) FROM document_counters"));
        const auto r = m_api.raw("POST", QStringLiteral("/api/checkout"), m_alice, body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorField(r), field);
        QVERIFY(!r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(rows("orders"), orders);
        QCOMPARE(rows("order_items"), items);
        QCOMPARE(rows("invoices"), invoices);
        QCOMPARE(rows("invoice_items"), lines);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT coalesce(sum(last_value), 0) FROM document_counters")),
                 counters);
    }

    void customersSeeTheirOwnInvoicesOnly()
    {
        const auto alice = m_api.call("GET", QStringLiteral("/api/invoices"), m_alice);
        QCOMPARE(alice.status, 200);
        const QJsonArray mine = alice.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(mine.size(), 2);
        for (const QJsonValue &v : mine)
            QCOMPARE(str(v.toObject(), "customer_id"), m_aliceId);
        // Asking for Bob's invoices still lists Alice's own.
        const auto sneaky =
            m_api.call("GET", QStringLiteral("/api/invoices?customer_id=%1").arg(m_bobId), m_alice);
        QCOMPARE(sneaky.json().value(QStringLiteral("items")).toArray().size(), 2);
        const auto bob = m_api.call("GET", QStringLiteral("/api/invoices"), m_bob);
        const QString bobsInvoice =
            str(bob.json().value(QStringLiteral("items")).toArray().at(0).toObject(), "id");
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices/%1").arg(bobsInvoice), m_alice).status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices/%1/pdf").arg(bobsInvoice), m_alice).status,
                 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices/%1").arg(bobsInvoice), m_bob).status, 200);
        // Another tenant's staff: 404, and an empty list.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices/%1").arg(bobsInvoice), m_otherAdmin).status,
                 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices"), m_otherAdmin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices/not-a-uuid"), m_admin).status, 404);
        // Customers do not change invoices.
        QCOMPARE(m_api
                     .call("PATCH", QStringLiteral("/api/invoices/%1").arg(bobsInvoice), m_bob,
                           {{QStringLiteral("status"), QStringLiteral("paid")},
                            {QStringLiteral("reason"), QStringLiteral("trust me")}})
                     .status,
                 403);
    }

    void staffListFiltersAndPages()
    {
        auto r = m_api.call("GET", QStringLiteral("/api/invoices?limit=2"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 2);
        const QString cursor = str(r.json(), "next_cursor");
        QVERIFY(!cursor.isEmpty());
        r = m_api.call("GET", QStringLiteral("/api/invoices?limit=2&cursor=%1").arg(cursor), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 1);
        QVERIFY(r.json().value(QStringLiteral("next_cursor")).isNull());
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices?customer_id=%1").arg(m_bobId), m_admin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices?status=paid"), m_admin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices?from=2026-11-24&to=2026-11-24"), m_admin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 3);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices?from=2026-11-25"), m_admin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices?overdue=true"), m_admin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        // Two weeks and a day later every unpaid invoice is overdue: computed, not stored.
        m_clock.advanceDays(15);
        r = m_api.call("GET", QStringLiteral("/api/invoices?overdue=true"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 3);
        QVERIFY(r.json()
                    .value(QStringLiteral("items"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("overdue"))
                    .toBool());
        m_clock.set(kStart);
        for (const char *bad :
             {"status=overdue", "overdue=yes", "from=24.11.2026", "sort=number", "customer_id=x"})
            QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices?") + QLatin1String(bad), m_admin).status,
                     400);
    }

    void statusChangesAreRuledAndAudited()
    {
        const auto created = m_api.call(
            "POST", QStringLiteral("/api/invoices"), m_admin,
            QJsonObject{{QStringLiteral("customer_id"), m_aliceId},
                        {QStringLiteral("status"), QStringLiteral("draft")},
                        {QStringLiteral("items"),
                         QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Consulting")},
                                                {QStringLiteral("quantity"), 3},
                                                {QStringLiteral("unit_price"), QStringLiteral("0.33")}}}}});
        QCOMPARE(created.status, 201);
        const QString id = str(created.json(), "id");
        QVERIFY(created.json().value(QStringLiteral("number")).isNull());
        QCOMPARE(str(created.json(), "total"), QStringLiteral("1.18")); // 0.99 + 0.1881 -> 0.19
        auto patch = [&](const QString &status, const QString &reason, const QString &token = {}) {
            QJsonObject body{{QStringLiteral("status"), status}};
            if (!reason.isEmpty())
                body.insert(QStringLiteral("reason"), reason);
            body.insert(QStringLiteral("payment_reference"), QStringLiteral("SEPA-4711"));
            return m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(id),
                              token.isEmpty() ? m_admin : token, body);
        };
        QCOMPARE(patch(QStringLiteral("paid"), QStringLiteral("skip")).status, 409);
        auto r = patch(QStringLiteral("unpaid"), QStringLiteral("ready"));
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json(), "number"), QStringLiteral("INV-2026-000004"));
        QCOMPARE(patch(QStringLiteral("paid"), QString()).status, 422); // a reason is required
        QCOMPARE(patch(QStringLiteral("paid"), QStringLiteral("bank transfer"), m_reader).status, 403);
        r = patch(QStringLiteral("paid"), QStringLiteral("bank transfer arrived"));
        QCOMPARE(r.status, 200);
        const QJsonArray payments = r.json().value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(str(payments.at(0).toObject(), "reference"), QStringLiteral("SEPA-4711"));
        for (const QString &refused : {QStringLiteral("unpaid"), QStringLiteral("cancelled"),
                                       QStringLiteral("draft"), QStringLiteral("paid")}) {
            r = patch(refused, QStringLiteral("try"));
            QCOMPARE(r.status, 409);
            QCOMPARE(str(r.json(), "current_status"), QStringLiteral("paid"));
            QCOMPARE(errorCode(r), QStringLiteral("invalid_transition"));
        }
        QCOMPARE(patch(QStringLiteral("overdue"), QStringLiteral("x")).status, 422);
        QCOMPARE(patch(QStringLiteral("partially_refunded"), QStringLiteral("one month back")).status, 200);
        QCOMPARE(patch(QStringLiteral("refunded"), QStringLiteral("rest back")).status, 200);
        QCOMPARE(str(patch(QStringLiteral("paid"), QStringLiteral("again")).json(), "current_status"),
                 QStringLiteral("refunded"));
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE object_id = ? AND action = "
                                        "'invoice.status_changed'"),
                         {id}),
            4);
        QCOMPARE(m_api.scalar(QStringLiteral(
                                  "SELECT count(*) FROM audit_log WHERE object_id = ? AND "
                                  "details->>'reason' = 'bank transfer arrived' AND details->>'to' = 'paid'"),
                              {id}),
                 1);
        // A correction of the refunded invoice is a credit note in its own series.
        r = m_api.call("POST", QStringLiteral("/api/invoices/%1/credit-notes").arg(id), m_admin,
                       {{QStringLiteral("reason"), QStringLiteral("refund")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(str(r.json(), "number"), QStringLiteral("CN-2026-000001"));
        QCOMPARE(str(r.json(), "total"), QStringLiteral("1.18"));
    }

    void manualInvoiceRefusals()
    {
        const qint64 before = rows("invoices");
        auto post = [&](const QJsonObject &body) {
            return m_api.call("POST", QStringLiteral("/api/invoices"), m_admin, body);
        };
        const QJsonObject item{{QStringLiteral("description"), QStringLiteral("x")},
                               {QStringLiteral("unit_price"), QStringLiteral("1.00")}};
        QCOMPARE(errorField(post(
                     {{QStringLiteral("customer_id"), m_aliceId}, {QStringLiteral("items"), QJsonArray()}})),
                 QStringLiteral("items"));
        QCOMPARE(errorField(post(
                     {{QStringLiteral("customer_id"), m_aliceId},
                      {QStringLiteral("items"),
                       QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("x")},
                                              {QStringLiteral("unit_price"), QStringLiteral("1.001")}}}}})),
                 QStringLiteral("items[0].unit_price"));
        QCOMPARE(errorField(post(
                     {{QStringLiteral("customer_id"), QStringLiteral("00000000-0000-4000-8000-000000000000")},
                      {QStringLiteral("items"), QJsonArray{item}}})),
                 QStringLiteral("customer_id"));
        QCOMPARE(
            post({{QStringLiteral("customer_id"), m_aliceId}, {QStringLiteral("items"), QJsonArray{item}}})
                .status,
            201);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/invoices"), m_alice,
                           {{QStringLiteral("customer_id"), m_aliceId},
                            {QStringLiteral("items"), QJsonArray{item}}})
                     .status,
                 403);
        QCOMPARE(rows("invoices"), before + 1);
    }

    // Renders the first checkout's invoice and, when poppler's pdftoppm is installed, a PNG of
    // its first page next to the test binary for a person to look at.
    void pdf()
    {
        const auto list = m_api.call("GET", QStringLiteral("/api/invoices?sort=created_at&limit=1"), m_admin);
        const QString id = str(list.json().value(QStringLiteral("items")).toArray().at(0).toObject(), "id");
        const auto r = m_api.call("GET", QStringLiteral("/api/invoices/%1/pdf").arg(id), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/pdf"));
        QVERIFY(r.body.startsWith("%PDF-"));
        QVERIFY(r.body.size() > 2000);
        const QString path = QDir::current().absoluteFilePath(QStringLiteral("tst_billing_invoice.pdf"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(r.body);
        out.close();
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed; the PDF is at tst_billing_invoice.pdf");
        QProcess p;
        p.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"),
                           QStringLiteral("-singlefile"), path,
                           QDir::current().absoluteFilePath(QStringLiteral("tst_billing_invoice"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFile::exists(QStringLiteral("tst_billing_invoice.png")));
    }

    // A draft is priced again when it is issued: the rate valid on the issue date applies (as to
    // any invoice issued that day), the buyer block is the customer as they are then, and the
    // audit row says how the total moved. Last: it moves the clock.
    void issuingADraftRepricesItOnTheIssueDate()
    {
        const QString cutover = kStart.date().addDays(10).toString(Qt::ISODate);
        m_api.exec(
            QStringLiteral("INSERT INTO tax_rates (tenant_id, country, name, rate_ppm, valid_from, valid_to) "
                           "VALUES (?::uuid, 'FR', 'TVA', 200000, '2020-01-01', ?::date), "
                           "       (?::uuid, 'FR', 'TVA', 55000, ?::date, NULL)"),
            {m_tenant, cutover, m_tenant, cutover});
        const QString claire =
            signup(QStringLiteral("Claire"), QStringLiteral("claire@example.fr"), QStringLiteral("FR"))
                .second;
        const auto created = m_api.call(
            "POST", QStringLiteral("/api/invoices"), m_admin,
            QJsonObject{
                {QStringLiteral("customer_id"), claire},
                {QStringLiteral("status"), QStringLiteral("draft")},
                {QStringLiteral("items"),
                 QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Migration")},
                                        {QStringLiteral("quantity"), 2},
                                        {QStringLiteral("unit_price"), QStringLiteral("49.99")}},
                            QJsonObject{{QStringLiteral("description"), QStringLiteral("Backup add-on")},
                                        {QStringLiteral("quantity"), 1},
                                        {QStringLiteral("unit_price"), QStringLiteral("3.33")}}}}});
        QCOMPARE(created.status, 201);
        const QString id = str(created.json(), "id");
        QCOMPARE(str(created.json(), "total"), QStringLiteral("123.98")); // 99.98 + 20.00, 3.33 + 0.67

        m_api.exec(
            QStringLiteral("UPDATE customers SET city = 'Lyon', postal_code = '69001' WHERE id = ?::uuid"),
            {claire});
        m_clock.advanceDays(11);
        const auto issued = m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(id), m_admin,
                                       QJsonObject{{QStringLiteral("status"), QStringLiteral("unpaid")},
                                                   {QStringLiteral("reason"), QStringLiteral("approved")}});
        QCOMPARE(issued.status, 200);
        const QJsonObject inv = issued.json();
        QCOMPARE(str(inv, "issue_date"), kStart.date().addDays(11).toString(Qt::ISODate));
        // 5.5 %: 99.98 -> 5.4989 -> 5.50; 3.33 -> 0.18315 -> 0.18. Per line, half-up.
        const QJsonArray items = inv.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(str(items.at(0).toObject(), "tax"), QStringLiteral("5.50"));
        QCOMPARE(str(items.at(1).toObject(), "tax"), QStringLiteral("0.18"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("tax_rate_ppm")).toInteger(), 55000);
        QCOMPARE(str(inv, "tax"), QStringLiteral("5.68"));
        QCOMPARE(str(inv, "total"), QStringLiteral("108.99"));
        QCOMPARE(inv.value(QStringLiteral("buyer")).toObject().value(QStringLiteral("address")).toArray(),
                 QJsonArray{QStringLiteral("69001 Lyon")});
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT total_minor FROM invoices WHERE id = ?::uuid"), {id}),
                 10899);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT sum(gross_minor) FROM invoice_items WHERE invoice_id = ?::uuid"),
                     {id}),
                 10899);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT (details->>'total_before_minor')::bigint FROM audit_log "
                                             "WHERE object_id = ? AND details->>'to' = 'unpaid'"),
                              {id}),
                 12398);

        // Issued, it is final: a later rate change no longer touches it.
        m_api.exec(QStringLiteral("UPDATE tax_rates SET rate_ppm = 100000 WHERE tenant_id = ?::uuid AND "
                                  "country = 'FR' AND valid_to IS NULL"),
                   {m_tenant});
        const auto again = m_api.call("GET", QStringLiteral("/api/invoices/%1").arg(id), m_admin);
        QCOMPARE(str(again.json(), "total"), QStringLiteral("108.99"));
    }
};

QTEST_MAIN(TestBillingApi)
#include "tst_billing_api.moc"
