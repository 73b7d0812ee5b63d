// The catalog REST API end to end: products with cycle and TLD prices, CloudPod templates,
// every validation rule (a 4xx naming the field, and no row written), pagination, delete vs
// retire, and who may see what (other tenants, customers, read-only staff).

#include "support/service_fixture.h"

using namespace mp;
using namespace mp::test;

class TestApiCatalog : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant;
    QString m_other;
    QString m_admin;
    QString m_reader;
    QString m_otherAdmin;
    QString m_customer; // an access token of a customer of m_tenant
    QString m_miniTemplate;
    QString m_otherTemplate;

    qint64 productRows() { return m_api.scalar(QStringLiteral("SELECT count(*) FROM products")); }
    qint64 priceRows()
    {
        return m_api.scalar(QStringLiteral("SELECT (SELECT count(*) FROM product_prices) + "
                                           "(SELECT count(*) FROM tld_prices)"));
    }
    QString templateId(const QString &token, const QString &name)
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/cloudpod-templates"), token);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        for (const QJsonValue &v : items) {
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject().value(QStringLiteral("id")).toString();
        }
        return {};
    }
    QJsonObject cloudpod(const QString &name)
    {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("cloudpod")},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("template_id"), m_miniTemplate},
                           {QStringLiteral("prices"),
                            QJsonArray{QJsonObject{{QStringLiteral("cycle"), QStringLiteral("monthly")},
                                                   {QStringLiteral("currency"), QStringLiteral("EUR")},
                                                   {QStringLiteral("amount"), QStringLiteral("4.99")}}}}};
    }
    QString create(const QJsonObject &body)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/products"), m_admin, body);
        if (r.status != 201)
            qWarning("create failed: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_api.start(QStringLiteral("catalog"));
        m_tenant = m_api.tenant(QStringLiteral("Catalog Hosting"));
        m_other = m_api.tenant(QStringLiteral("Other Hosting"));
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        m_otherAdmin = m_api.staffToken(m_other);
        m_miniTemplate = templateId(m_admin, QStringLiteral("Mini"));
        m_otherTemplate = templateId(m_otherAdmin, QStringLiteral("Mini"));
        QVERIFY(!m_miniTemplate.isEmpty());
        QVERIFY(!m_otherTemplate.isEmpty());
        QVERIFY(m_miniTemplate != m_otherTemplate);
        const auto signup =
            m_api.call("POST", QStringLiteral("/api/auth/signup"), {},
                       QJsonObject{{QStringLiteral("tenant_id"), m_tenant},
                                   {QStringLiteral("name"), QStringLiteral("Cat Alog")},
                                   {QStringLiteral("email"), QStringLiteral("cat@example.com")},
                                   {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        QCOMPARE(signup.status, 201);
        m_customer = signup.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(m_customer.startsWith(QLatin1String("mpc_")));
    }

    void seededTemplates()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/cloudpod-templates"), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QStringList names;
        for (const QJsonValue &v : items)
            names << v.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("Mini"), QStringLiteral("Pro"),
                                     QStringLiteral("Business"), QStringLiteral("Enterprise")}));
        const QJsonObject enterprise = items.at(3).toObject();
        QCOMPARE(enterprise.value(QStringLiteral("cpu_cores")).toInt(), 8);
        QCOMPARE(enterprise.value(QStringLiteral("ram_mb")).toInt(), 16384);
        QCOMPARE(enterprise.value(QStringLiteral("guest_kind")).toString(), QStringLiteral("lxc"));
        QVERIFY(!enterprise.value(QStringLiteral("ostemplate")).toString().isEmpty());
        // Every tenant has its own four.
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM cloudpod_templates WHERE tenant_id = ?::uuid"),
                         {m_other}),
            4);
    }

    void editTemplates()
    {
        const QString pro = templateId(m_admin, QStringLiteral("Pro"));
        auto r =
            m_api.call("PUT", QStringLiteral("/api/cloudpod-templates/%1").arg(pro), m_admin,
                       QJsonObject{{QStringLiteral("cpu_cores"), 3}, {QStringLiteral("network_vlan"), 42}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("cpu_cores")).toInt(), 3);
        QCOMPARE(r.json().value(QStringLiteral("network_vlan")).toInt(), 42);
        QCOMPARE(r.json().value(QStringLiteral("ram_mb")).toInt(), 4096);

        // A QEMU template: a VM to clone, not an ostemplate.
        r = m_api.call("POST", QStringLiteral("/api/cloudpod-templates"), m_admin,
                       jsonObject(R"({"name": "VM Large", "cpu_cores": 8, "ram_mb": 32768, "disk_gb": 500,
                                      "guest_kind": "qemu", "vm_template_id": 9000, "placement_kind": "node",
                                      "placement_target": "pve1"})"));
        QCOMPARE(r.status, 201);

        struct Case {
            const char *body;
            int status;
            const char *field;
        };
        const Case cases[] = {
            {R"({"ram_mb": 64})", 422, "ram_mb"},
            {R"({"cpu_cores": 0})", 422, "cpu_cores"},
            {R"({"cpu_cores": 1e300})", 400, "cpu_cores"},
            {R"({"cpu_cores": "2"})", 400, "cpu_cores"},
            {R"({"network_vlan": 5000})", 422, "network_vlan"},
            {R"({"guest_kind": "qemu"})", 422, "vm_template_id"},
            {R"({"placement_kind": "rack"})", 422, "placement_kind"},
            {R"({"name": "Mini"})", 409, "name"},
            {R"({"colour": "red"})", 400, "colour"},
        };
        for (const Case &c : cases) {
            r = m_api.raw("PUT", QStringLiteral("/api/cloudpod-templates/%1").arg(pro), m_admin, c.body);
            QVERIFY2(r.status == c.status, c.body);
            QCOMPARE(errorField(r), QLatin1String(c.field));
        }
        r = m_api.call("GET", QStringLiteral("/api/cloudpod-templates/%1").arg(pro), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("cpu_cores")).toInt(), 3); // nothing above changed it

        // Another tenant's template does not exist for us.
        r = m_api.call("GET", QStringLiteral("/api/cloudpod-templates/%1").arg(m_otherTemplate), m_admin);
        QCOMPARE(r.status, 404);
        r = m_api.call("PUT", QStringLiteral("/api/cloudpod-templates/%1").arg(m_otherTemplate), m_admin,
                       QJsonObject{{QStringLiteral("cpu_cores"), 64}});
        QCOMPARE(r.status, 404);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT cpu_cores FROM cloudpod_templates WHERE id = ?::uuid"),
                              {m_otherTemplate}),
                 1);
        // Customers do not manage templates.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/cloudpod-templates"), m_customer).status, 403);
    }

    void createAndReadCloudPod()
    {
        QJsonObject body = cloudpod(QStringLiteral("CloudPod Mini"));
        body.insert(QStringLiteral("description"), QStringLiteral("1 vCPU, 1 GB"));
        body.insert(QStringLiteral("prices"), QJsonDocument::fromJson(R"([
            {"cycle": "monthly", "currency": "EUR", "amount": "4.99", "setup_fee": "10.00"},
            {"cycle": "annual", "currency": "EUR", "amount": "49.90"},
            {"cycle": "monthly", "currency": "JPY", "amount": "800"},
            {"cycle": "monthly", "currency": "KWD", "amount": "1.575"}])")
                                                  .array());
        auto r = m_api.call("POST", QStringLiteral("/api/products"), m_admin, body);
        QCOMPARE(r.status, 201);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        QVERIFY(r.header("Location").endsWith(id.toLatin1()));

        r = m_api.call("GET", QStringLiteral("/api/products/%1").arg(id), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject p = r.json();
        QCOMPARE(p.value(QStringLiteral("type")).toString(), QStringLiteral("cloudpod"));
        QCOMPARE(p.value(QStringLiteral("template_id")).toString(), m_miniTemplate);
        QCOMPARE(p.value(QStringLiteral("visibility")).toString(), QStringLiteral("active"));
        const QJsonArray prices = p.value(QStringLiteral("prices")).toArray();
        QCOMPARE(prices.size(), 4);
        // Cycle order, then currency; amounts exact in each currency's precision.
        QCOMPARE(prices.at(0).toObject().value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(prices.at(0).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("4.99"));
        QCOMPARE(prices.at(0).toObject().value(QStringLiteral("amount_minor")).toInteger(), 499);
        QCOMPARE(prices.at(0).toObject().value(QStringLiteral("setup_fee")).toString(),
                 QStringLiteral("10.00"));
        QCOMPARE(prices.at(1).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("800"));
        QCOMPARE(prices.at(2).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("1.575"));
        QCOMPARE(prices.at(2).toObject().value(QStringLiteral("amount_minor")).toInteger(), 1575);
        QCOMPARE(prices.at(3).toObject().value(QStringLiteral("cycle")).toString(), QStringLiteral("annual"));
        QCOMPARE(prices.at(3).toObject().value(QStringLiteral("setup_fee")).toString(),
                 QStringLiteral("0.00"));
    }

    void createDomain()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/products"), m_admin, jsonObject(R"({
            "type": "domain", "name": ".com domains", "tld": ".COM",
            "domain_prices": [
              {"action": "register", "years": 1, "currency": "EUR", "amount": "9.50"},
              {"action": "register", "years": 2, "currency": "EUR", "amount": "19.00"},
              {"action": "renew", "years": 1, "currency": "EUR", "amount": "11.00"},
              {"action": "transfer", "years": 1, "currency": "EUR", "amount": "8.00"}]})"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("tld")).toString(), QStringLiteral("com"));
        QCOMPARE(r.json().value(QStringLiteral("domain_prices")).toArray().size(), 4);
        QCOMPARE(r.json().value(QStringLiteral("prices")).toArray().size(), 0);
        // One live product per TLD.
        const qint64 before = productRows();
        r = m_api.call("POST", QStringLiteral("/api/products"), m_admin, jsonObject(R"({
            "type": "domain", "name": "again", "tld": "com",
            "domain_prices": [{"action": "register", "years": 1, "currency": "EUR", "amount": "1.00"}]})"));
        QCOMPARE(r.status, 409);
        QCOMPARE(errorField(r), QStringLiteral("tld"));
        QCOMPARE(productRows(), before);
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, const char *body, int status, const char *code, const char *field) {
            QTest::newRow(name) << QByteArray(body) << status << QString::fromLatin1(code)
                                << QString::fromLatin1(field);
        };
        row("cloudpod without template", R"({"type": "cloudpod", "name": "X"})", 422, "template_required",
            "template_id");
        row("cloudpod with unknown template",
            R"({"type": "cloudpod", "name": "X", "template_id": "7b0e8a52-1f7e-4f57-a3a1-5a8a39c4e0a1"})",
            422, "unknown_template", "template_id");
        row("cloudpod with malformed template id",
            R"({"type": "cloudpod", "name": "X", "template_id": "nope"})", 422, "unknown_template",
            "template_id");
        row("domain without register price",
            R"({"type": "domain", "name": "X", "tld": "net", "domain_prices": [
                {"action": "renew", "years": 1, "currency": "EUR", "amount": "1.00"}]})",
            422, "register_price_required", "domain_prices");
        row("domain without any price", R"({"type": "domain", "name": "X", "tld": "net"})", 422,
            "register_price_required", "domain_prices");
        row("domain without tld", R"({"type": "domain", "name": "X", "domain_prices": [
                {"action": "register", "years": 1, "currency": "EUR", "amount": "1.00"}]})",
            422, "invalid_tld", "tld");
        row("domain with bad tld", R"({"type": "domain", "name": "X", "tld": "-bad-", "domain_prices": [
                {"action": "register", "years": 1, "currency": "EUR", "amount": "1.00"}]})",
            422, "invalid_tld", "tld");
        row("domain with cycle prices", R"({"type": "domain", "name": "X", "tld": "org",
                "prices": [{"cycle": "annual", "currency": "EUR", "amount": "1.00"}],
                "domain_prices": [{"action": "register", "years": 1, "currency": "EUR", "amount": "1.00"}]})",
            422, "prices_not_allowed", "prices");
        row("negative price", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "-1.00"}]})",
            422, "negative_price", "prices[0].amount");
        row("negative setup fee", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "1.00", "setup_fee": "-0.01"}]})",
            422, "negative_price", "prices[0].setup_fee");
        row("negative domain price", R"({"type": "domain", "name": "X", "tld": "io", "domain_prices": [
                {"action": "register", "years": 1, "currency": "EUR", "amount": "-5"}]})",
            422, "negative_price", "domain_prices[0].amount");
        row("unknown currency", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "1.00"},
                {"cycle": "monthly", "currency": "EURO", "amount": "1.00"}]})",
            422, "invalid_currency", "prices[1].currency");
        row("lowercase currency", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "eur", "amount": "1.00"}]})",
            422, "invalid_currency", "prices[0].currency");
        row("missing currency", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "amount": "1.00"}]})",
            422, "required", "prices[0].currency");
        row("unknown cycle", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "weekly", "currency": "EUR", "amount": "1.00"}]})",
            422, "unknown_cycle", "prices[0].cycle");
        row("amount as a JSON number", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": 9.99}]})",
            400, "invalid_type", "prices[0].amount");
        row("too many decimals", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "9.999"}]})",
            422, "too_many_decimals", "prices[0].amount");
        row("decimals on yen", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "JPY", "amount": "9.5"}]})",
            422, "too_many_decimals", "prices[0].amount");
        row("huge amount", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "99999999999999999999999"}]})",
            422, "overflow", "prices[0].amount");
        row("not a number", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "ten"}]})",
            422, "invalid_amount", "prices[0].amount");
        row("duplicate price", R"({"type": "email", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "1.00"},
                {"cycle": "monthly", "currency": "EUR", "amount": "2.00"}]})",
            422, "duplicate_price", "prices[1]");
        row("years out of range", R"({"type": "domain", "name": "X", "tld": "de", "domain_prices": [
                {"action": "register", "years": 11, "currency": "EUR", "amount": "1.00"}]})",
            422, "invalid_years", "domain_prices[0].years");
        row("fractional years", R"({"type": "domain", "name": "X", "tld": "de", "domain_prices": [
                {"action": "register", "years": 1.5, "currency": "EUR", "amount": "1.00"}]})",
            400, "invalid_type", "domain_prices[0].years");
        row("unknown action", R"({"type": "domain", "name": "X", "tld": "de", "domain_prices": [
                {"action": "restore", "years": 1, "currency": "EUR", "amount": "1.00"}]})",
            422, "unknown_action", "domain_prices[0].action");
        row("unknown type", R"({"type": "vps", "name": "X"})", 422, "unknown_type", "type");
        row("missing type", R"({"name": "X"})", 422, "required", "type");
        row("missing name", R"({"type": "other"})", 422, "required", "name");
        row("blank name", R"({"type": "other", "name": "   "})", 422, "invalid_name", "name");
        row("NUL in the name", "{\"type\": \"other\", \"name\": \"A\\u0000B\"}", 422, "invalid_text", "name");
        row("name not a string", R"({"type": "other", "name": 7})", 400, "invalid_type", "name");
        row("unknown visibility", R"({"type": "other", "name": "X", "visibility": "archived"})", 422,
            "unknown_visibility", "visibility");
        row("template on an email product",
            R"({"type": "email", "name": "X", "template_id": "7b0e8a52-1f7e-4f57-a3a1-5a8a39c4e0a1"})", 422,
            "template_not_allowed", "template_id");
        row("tld on an ssl product", R"({"type": "ssl", "name": "X", "tld": "com"})", 422, "tld_not_allowed",
            "tld");
        row("domain prices on a backup product", R"({"type": "backup", "name": "X", "domain_prices": [
                {"action": "register", "years": 1, "currency": "EUR", "amount": "1.00"}]})",
            422, "domain_prices_not_allowed", "domain_prices");
        row("prices not an array", R"({"type": "other", "name": "X", "prices": {"monthly": "1"}})", 400,
            "invalid_type", "prices");
        row("price not an object", R"({"type": "other", "name": "X", "prices": ["1.00"]})", 400,
            "invalid_type", "prices[0]");
        row("unknown field", R"({"type": "other", "name": "X", "colour": "red"})", 400, "unknown_field",
            "colour");
        row("unknown nested field", R"({"type": "other", "name": "X", "prices": [
                {"cycle": "monthly", "currency": "EUR", "amount": "1.00", "discount": "1"}]})",
            400, "unknown_field", "prices[0].discount");
        row("malformed json", R"({"type": "other", "name": )", 400, "malformed_json", "body");
        row("array body", R"([1, 2])", 400, "malformed_json", "body");
        row("empty body", "", 400, "malformed_json", "body");
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const qint64 products = productRows();
        const qint64 prices = priceRows();
        const auto r = m_api.raw("POST", QStringLiteral("/api/products"), m_admin, body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), code);
        QCOMPARE(errorField(r), field);
        QVERIFY(!r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(productRows(), products);
        QCOMPARE(priceRows(), prices);
    }

    void otherTenantsTemplateIsUnknown()
    {
        QJsonObject body = cloudpod(QStringLiteral("Sneaky"));
        body.insert(QStringLiteral("template_id"), m_otherTemplate);
        const qint64 before = productRows();
        const auto r = m_api.call("POST", QStringLiteral("/api/products"), m_admin, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("template_id"));
        QCOMPARE(productRows(), before);
    }

    void updateProduct()
    {
        const QString id = create(cloudpod(QStringLiteral("Updatable")));
        const QString path = QStringLiteral("/api/products/%1").arg(id);
        auto r = m_api.call("PUT", path, m_admin, jsonObject(R"({"name": "Updated", "visibility": "hidden",
            "prices": [{"cycle": "quarterly", "currency": "USD", "amount": "12.00"}]})"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Updated"));
        QCOMPARE(r.json().value(QStringLiteral("visibility")).toString(), QStringLiteral("hidden"));
        const QJsonArray prices = r.json().value(QStringLiteral("prices")).toArray();
        QCOMPARE(prices.size(), 1);
        QCOMPARE(prices.at(0).toObject().value(QStringLiteral("cycle")).toString(),
                 QStringLiteral("quarterly"));
        // A rejected update changes nothing.
        const QByteArray before = m_api.call("GET", path, m_admin).body;
        for (const char *bad :
             {R"({"template_id": null})", R"({"prices": [{"cycle": "daily", "currency": "USD",
                                   "amount": "1.00"}]})",
              R"({"type": "other"})", R"({"name": ""})", R"({"prices": 5})"}) {
            r = m_api.raw("PUT", path, m_admin, bad);
            QVERIFY2(r.status == 400 || r.status == 422, bad);
            QVERIFY2(!errorField(r).isEmpty(), bad);
        }
        QCOMPARE(m_api.call("GET", path, m_admin).body, before);
    }

    void listGroupsFiltersAndPages()
    {
        create(QJsonObject{{QStringLiteral("type"), QStringLiteral("ssl")},
                           {QStringLiteral("name"), QStringLiteral("SSL Basic")}});
        create(QJsonObject{{QStringLiteral("type"), QStringLiteral("backup")},
                           {QStringLiteral("name"), QStringLiteral("Backup 100")}});
        for (int i = 0; i < 5; ++i)
            create(cloudpod(QStringLiteral("Pod %1").arg(i)));

        auto r = m_api.call("GET", QStringLiteral("/api/products?limit=200"), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonArray all = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(qint64(all.size()), productRows());
        QVERIFY(r.json().value(QStringLiteral("next_cursor")).isNull());
        QStringList types;
        for (const QJsonValue &v : all)
            types << v.toObject().value(QStringLiteral("type")).toString();
        QStringList grouped = types;
        std::stable_sort(grouped.begin(), grouped.end());
        QCOMPARE(types, grouped); // grouped by type

        // Page through in twos: every product exactly once, in the same order.
        QStringList paged;
        QString cursor;
        int pages = 0;
        do {
            QString path = QStringLiteral("/api/products?limit=2");
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            r = m_api.call("GET", path, m_admin);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                paged << v.toObject().value(QStringLiteral("id")).toString();
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 100);
        QStringList ids;
        for (const QJsonValue &v : all)
            ids << v.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(paged, ids);

        // Descending by name pages too.
        r = m_api.call("GET", QStringLiteral("/api/products?sort=-name&limit=3"), m_admin);
        QCOMPARE(r.status, 200);
        const QString next = r.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!next.isEmpty());
        r = m_api.call("GET", QStringLiteral("/api/products?sort=-name&limit=3&cursor=") + next, m_admin);
        QCOMPARE(r.status, 200);
        // ...but its cursor is no good for another sort.
        r = m_api.call("GET", QStringLiteral("/api/products?sort=name&cursor=") + next, m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorField(r), QStringLiteral("cursor"));

        r = m_api.call("GET", QStringLiteral("/api/products?type=cloudpod&limit=200"), m_admin);
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("type")).toString(), QStringLiteral("cloudpod"));
        r = m_api.call("GET", QStringLiteral("/api/products?q=POD%203"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 1);
        r = m_api.call("GET", QStringLiteral("/api/products?q=%25"), m_admin); // a literal %, not a wildcard
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 0);
        // NUL never reaches SQL: refused where the URL is read, naming the parameter.
        r = m_api.call("GET", QStringLiteral("/api/products?q=%00"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorField(r), QStringLiteral("q"));

        // Bad parameters are 400s naming the parameter, never 500s.
        const struct {
            const char *query;
            const char *field;
        } bad[] = {{"limit=0", "limit"},
                   {"limit=201", "limit"},
                   {"limit=abc", "limit"},
                   {"limit=99999999999999999999", "limit"},
                   {"sort=price", "sort"},
                   {"type=vps", "type"},
                   {"visibility=gone", "visibility"},
                   {"cursor=!!!", "cursor"},
                   {"cursor=eyJzIjoidHlwZSJ9", "cursor"}, // valid base64 JSON, wrong shape
                   {"cursor=eyJzIjoidHlwZSIsImsiOlsiYSIsImIiXSwiaSI6Im5vdC1hLXV1aWQifQ", "cursor"}};
        for (const auto &b : bad) {
            r = m_api.call("GET", QStringLiteral("/api/products?") + QLatin1String(b.query), m_admin);
            QVERIFY2(r.status == 400, b.query);
            QCOMPARE(errorField(r), QLatin1String(b.field));
        }
    }

    void deleteVersusRetire()
    {
        const QString never = create(cloudpod(QStringLiteral("Never ordered")));
        const QString ordered = create(cloudpod(QStringLiteral("Ordered once")));
        // The orders module stamps first_ordered_at on the first order.
        m_api.exec(QStringLiteral("UPDATE products SET first_ordered_at = now() WHERE id = ?::uuid"),
                   {ordered});

        auto r = m_api.call("DELETE", QStringLiteral("/api/products/%1").arg(never), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("deleted"));
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM products WHERE id = ?::uuid"), {never}),
                 0);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM product_prices WHERE product_id = ?::uuid"),
                         {never}),
            0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products/%1").arg(never), m_admin).status, 404);

        r = m_api.call("DELETE", QStringLiteral("/api/products/%1").arg(ordered), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("retired"));
        QCOMPARE(r.json()
                     .value(QStringLiteral("product"))
                     .toObject()
                     .value(QStringLiteral("visibility"))
                     .toString(),
                 QStringLiteral("retired"));
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM product_prices WHERE product_id = ?::uuid"),
                         {ordered}),
            1); // kept for its subscriptions and invoices
        // Staff still see it; customers no longer can order (or see) it.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products/%1").arg(ordered), m_admin).status, 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products/%1").arg(ordered), m_customer).status, 404);
        // Deleting it again stays a retirement.
        r = m_api.call("DELETE", QStringLiteral("/api/products/%1").arg(ordered), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("retired"));
    }

    void otherTenantsProductIsNotFound()
    {
        const QString mine = create(cloudpod(QStringLiteral("Mine only")));
        const QString path = QStringLiteral("/api/products/%1").arg(mine);
        QCOMPARE(m_api.call("GET", path, m_otherAdmin).status, 404);
        auto r = m_api.call("PUT", path, m_otherAdmin,
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("Hijacked")}});
        QCOMPARE(r.status, 404);
        QCOMPARE(m_api.call("DELETE", path, m_otherAdmin).status, 404);
        QCOMPARE(m_api.call("GET", path, m_admin).json().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Mine only"));
        // Their list holds none of our products.
        r = m_api.call("GET", QStringLiteral("/api/products?limit=200"), m_otherAdmin);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 0);
        // Malformed ids are simply not found.
        for (const char *id : {"nope", "1", "00000000-0000-0000-0000-00000000000g", "%27%3B--"})
            QCOMPARE(m_api.call("GET", QStringLiteral("/api/products/") + QLatin1String(id), m_admin).status,
                     404);
    }

    void customersSeeThePublicCatalogOnly()
    {
        const QString hidden = create([this] {
            QJsonObject o = cloudpod(QStringLiteral("Hidden pod"));
            o.insert(QStringLiteral("visibility"), QStringLiteral("hidden"));
            return o;
        }());
        auto r = m_api.call("GET", QStringLiteral("/api/products?limit=200&visibility=hidden"), m_customer);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &v : items)
            QCOMPARE(v.toObject().value(QStringLiteral("visibility")).toString(), QStringLiteral("active"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products/%1").arg(hidden), m_customer).status, 404);

        const qint64 before = productRows();
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/products"), m_customer, cloudpod(QStringLiteral("C")))
                .status,
            403);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/products/%1").arg(hidden), m_customer).status,
                 403);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/products"), m_reader, cloudpod(QStringLiteral("R")))
                     .status,
                 403);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products"), m_reader).status, 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products"), QString()).status, 401);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/products"), QStringLiteral("mpc_forged")).status,
                 401);
        QCOMPARE(productRows(), before);
    }
};

QTEST_GUILESS_MAIN(TestApiCatalog)
#include "tst_api_catalog.moc"
