// The customers REST API: staff create, edit, list and search customers; email is unique per
// tenant ignoring case; a customer token sees and edits only its own record; other tenants'
// customers are 404; every validation rule is a 4xx naming the field with no row written.

#include "support/service_fixture.h"

using namespace mp;
using namespace mp::test;

class TestApiCustomers : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant;
    QString m_other;
    QString m_admin;
    QString m_otherAdmin;

    qint64 customerRows() { return m_api.scalar(QStringLiteral("SELECT count(*) FROM customers")); }
    QString create(const QJsonObject &body, const QString &token = {})
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/customers"), token.isEmpty() ? m_admin : token, body);
        if (r.status != 201)
            qWarning("create failed: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }
    static QJsonObject person(const QString &name, const QString &email, const QString &company = {})
    {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("email"), email},
                           {QStringLiteral("company"), company}};
    }
    QStringList names(const HttpResult &r)
    {
        QStringList out;
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
            out << v.toObject().value(QStringLiteral("name")).toString();
        return out;
    }
    QString signup(const QString &email)
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/auth/signup"), {},
                       QJsonObject{{QStringLiteral("tenant_id"), m_tenant},
                                   {QStringLiteral("name"), QStringLiteral("Self Signed")},
                                   {QStringLiteral("email"), email},
                                   {QStringLiteral("password"), QStringLiteral("a long passphrase")}});
        if (r.status != 201)
            qWarning("signup failed: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("access_token")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_api.start(QStringLiteral("customers"));
        m_tenant = m_api.tenant(QStringLiteral("Customers Hosting"));
        m_other = m_api.tenant(QStringLiteral("Elsewhere Hosting"));
        m_admin = m_api.staffToken(m_tenant);
        m_otherAdmin = m_api.staffToken(m_other);
    }

    void createAndRead()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/customers"), m_admin, jsonObject(R"({
            "name": "Ada Lovelace", "email": "Ada@Example.com", "company": "Analytical Engines Ltd",
            "address": {"line1": "12 St James Square", "city": "London", "postal_code": "SW1Y 4JH"},
            "country": "GB", "tax_id": "GB123456789", "notes": "prefers email"})"));
        QCOMPARE(r.status, 201);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        r = m_api.call("GET", QStringLiteral("/api/customers/%1").arg(id), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject c = r.json();
        QCOMPARE(c.value(QStringLiteral("email")).toString(), QStringLiteral("Ada@Example.com"));
        QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(c.value(QStringLiteral("country")).toString(), QStringLiteral("GB"));
        QCOMPARE(c.value(QStringLiteral("notes")).toString(), QStringLiteral("prefers email"));
        QCOMPARE(c.value(QStringLiteral("has_password")).toBool(), false);
        QCOMPARE(c.value(QStringLiteral("address")).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("London"));

        // Unique per tenant, ignoring case...
        const qint64 before = customerRows();
        r = m_api.call("POST", QStringLiteral("/api/customers"), m_admin,
                       person(QStringLiteral("Impostor"), QStringLiteral("ada@EXAMPLE.com")));
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), QStringLiteral("email_taken"));
        QCOMPARE(errorField(r), QStringLiteral("email"));
        QCOMPARE(customerRows(), before);
        // ...but another tenant may have its own Ada.
        QVERIFY(!create(person(QStringLiteral("Ada L."), QStringLiteral("ada@example.com")), m_otherAdmin)
                     .isEmpty());
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
        row("missing name", R"({"email": "a@example.com"})", 422, "required", "name");
        row("blank name", R"({"name": " ", "email": "a@example.com"})", 422, "invalid_value", "name");
        row("missing email", R"({"name": "A"})", 422, "required", "email");
        row("bad email", R"({"name": "A", "email": "not-an-email"})", 422, "invalid_email", "email");
        row("email with spaces", R"({"name": "A", "email": "a b@example.com"})", 422, "invalid_email",
            "email");
        row("unknown country", R"({"name": "A", "email": "a@example.com", "country": "XX"})", 422,
            "invalid_country", "country");
        row("lowercase country", R"({"name": "A", "email": "a@example.com", "country": "de"})", 422,
            "invalid_country", "country");
        row("country name", R"({"name": "A", "email": "a@example.com", "country": "Germany"})", 422,
            "invalid_country", "country");
        row("unknown status", R"({"name": "A", "email": "a@example.com", "status": "banned"})", 422,
            "unknown_status", "status");
        row("long city",
            R"({"name": "A", "email": "a@example.com", "address": {"city": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}})",
            422, "invalid_value", "address.city");
        row("address not an object", R"({"name": "A", "email": "a@example.com", "address": "London"})", 400,
            "invalid_type", "address");
        row("unknown address field", R"({"name": "A", "email": "a@example.com", "address": {"zip": "1"}})",
            400, "unknown_field", "address.zip");
        row("name not a string", R"({"name": ["A"], "email": "a@example.com"})", 400, "invalid_type", "name");
        row("weak password", R"({"name": "A", "email": "a@example.com", "password": "short"})", 422,
            "weak_password", "password");
        row("unknown field", R"({"name": "A", "email": "a@example.com", "vip": true})", 400, "unknown_field",
            "vip");
        row("malformed json", R"({"name": "A",)", 400, "malformed_json", "body");
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const qint64 before = customerRows();
        const auto r = m_api.raw("POST", QStringLiteral("/api/customers"), m_admin, body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), code);
        QCOMPARE(errorField(r), field);
        QCOMPARE(customerRows(), before);
    }

    void update()
    {
        const QString id =
            create(person(QStringLiteral("Grace Hopper"), QStringLiteral("grace@navy.example")));
        const QString path = QStringLiteral("/api/customers/%1").arg(id);
        auto r = m_api.call("PUT", path, m_admin, jsonObject(R"({"company": "US Navy", "country": "US",
                                                                   "status": "suspended"})"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("company")).toString(), QStringLiteral("US Navy"));
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("suspended"));
        const QByteArray before = m_api.call("GET", path, m_admin).body;
        for (const char *bad : {R"({"email": "ada@example.com"})", R"({"country": "ZZ"})",
                                R"({"name": null})", R"({"status": 1})"}) {
            r = m_api.raw("PUT", path, m_admin, bad);
            QVERIFY2(r.status == 400 || r.status == 409 || r.status == 422, bad);
            QVERIFY2(!errorField(r).isEmpty(), bad);
        }
        QCOMPARE(m_api.call("GET", path, m_admin).body, before);
    }

    void search()
    {
        create(person(QStringLiteral("Margaret Hamilton"), QStringLiteral("mh@apollo.example"),
                      QStringLiteral("MIT Instrumentation Lab")));
        create(person(QStringLiteral("Katherine Johnson"), QStringLiteral("kj@nasa.example"),
                      QStringLiteral("NASA Langley")));
        create(person(QStringLiteral("Dorothy Vaughan"), QStringLiteral("dv@nasa.example"),
                      QStringLiteral("NASA Langley")));
        create(person(QStringLiteral("Mary Jackson"), QStringLiteral("mary.jackson@wind.example")));
        auto q = [this](const char *query) {
            return names(
                m_api.call("GET", QStringLiteral("/api/customers?q=") + QLatin1String(query), m_admin));
        };
        QCOMPARE(q("hamil"), QStringList{QStringLiteral("Margaret Hamilton")});  // name substring
        QCOMPARE(q("MILTON"), QStringList{QStringLiteral("Margaret Hamilton")}); // any case
        QCOMPARE(q("langley"),
                 (QStringList{QStringLiteral("Dorothy Vaughan"), QStringLiteral("Katherine Johnson")}));
        QCOMPARE(q("instrumentation"), QStringList{QStringLiteral("Margaret Hamilton")}); // company
        QCOMPARE(q("wind.ex"), QStringList{QStringLiteral("Mary Jackson")});              // email substring
        QCOMPARE(q("ma"), (QStringList{QStringLiteral("Margaret Hamilton"),
                                       QStringLiteral("Mary Jackson")})); // prefix
        QCOMPARE(q("%25%25%25"), QStringList{});                          // wildcards are literal
        // NUL never reaches SQL: refused where the URL is read, naming the parameter.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers?q=a%00b"), m_admin).status, 400);
        // Other tenants' customers never match.
        QCOMPARE(names(m_api.call("GET", QStringLiteral("/api/customers?q=ada"), m_otherAdmin)),
                 QStringList{QStringLiteral("Ada L.")});
        QCOMPARE(names(m_api.call("GET", QStringLiteral("/api/customers?q=langley"), m_otherAdmin)),
                 QStringList{});
        auto r = m_api.call("GET", QStringLiteral("/api/customers?status=suspended"), m_admin);
        QCOMPARE(names(r), QStringList{QStringLiteral("Grace Hopper")});
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers?status=gone"), m_admin).status, 400);
    }

    void pagination()
    {
        for (int i = 0; i < 23; ++i)
            create(person(QStringLiteral("Page Person %1").arg(i, 2, 10, QLatin1Char('0')),
                          QStringLiteral("page%1@example.com").arg(i)));
        for (const char *sort : {"name", "-name", "email", "-email", "created_at", "-created_at"}) {
            QStringList seen;
            QString cursor;
            int pages = 0;
            do {
                QString path = QStringLiteral("/api/customers?limit=7&sort=") + QLatin1String(sort);
                if (!cursor.isEmpty())
                    path += QStringLiteral("&cursor=") + cursor;
                const auto r = m_api.call("GET", path, m_admin);
                QCOMPARE(r.status, 200);
                for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                    seen << v.toObject().value(QStringLiteral("id")).toString();
                cursor = r.json().value(QStringLiteral("next_cursor")).toString();
                ++pages;
            } while (!cursor.isEmpty() && pages < 50);
            QCOMPARE(qint64(seen.size()),
                     m_api.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE tenant_id = ?::uuid"),
                                  {m_tenant}));
            QCOMPARE(qint64(QSet<QString>(seen.begin(), seen.end()).size()), qint64(seen.size()));
        }
        // A search pages the same way, in every order, through mpanel_customer_search().
        for (const char *sort : {"name", "-name", "email", "-email", "created_at", "-created_at"}) {
            QStringList seen;
            QString cursor;
            int pages = 0;
            do {
                QString path = QStringLiteral("/api/customers?q=person&limit=4&sort=") + QLatin1String(sort);
                if (!cursor.isEmpty())
                    path += QStringLiteral("&cursor=") + cursor;
                const auto r = m_api.call("GET", path, m_admin);
                QCOMPARE(r.status, 200);
                for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                    seen << v.toObject().value(QStringLiteral("name")).toString();
                cursor = r.json().value(QStringLiteral("next_cursor")).toString();
                ++pages;
            } while (!cursor.isEmpty() && pages < 50);
            QCOMPARE(seen.size(), 23);
            QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 23);
            if (QLatin1String(sort) == QLatin1String("name") ||
                QLatin1String(sort) == QLatin1String("-name")) {
                QStringList sorted = seen;
                std::sort(sorted.begin(), sorted.end());
                if (*sort == '-')
                    std::reverse(sorted.begin(), sorted.end());
                QCOMPARE(seen, sorted);
            }
        }
        const auto r = m_api.call("GET", QStringLiteral("/api/customers?limit=5&sort=-name"), m_admin);
        QStringList first = names(r);
        QStringList sorted = first;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return a.toLower() > b.toLower(); });
        QCOMPARE(first, sorted);
    }

    void otherTenantsCustomerIsNotFound()
    {
        const QString theirs = create(
            person(QStringLiteral("Their Customer"), QStringLiteral("their@example.com")), m_otherAdmin);
        const QString path = QStringLiteral("/api/customers/%1").arg(theirs);
        QCOMPARE(m_api.call("GET", path, m_admin).status, 404);
        QCOMPARE(
            m_api
                .call("PUT", path, m_admin, QJsonObject{{QStringLiteral("name"), QStringLiteral("Mine now")}})
                .status,
            404);
        QCOMPARE(m_api.call("GET", path, m_otherAdmin).json().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Their Customer"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers/not-a-uuid"), m_admin).status, 404);
    }

    void customerScope()
    {
        const QString token = signup(QStringLiteral("self@example.com"));
        QVERIFY(token.startsWith(QLatin1String("mpc_")));
        auto r = m_api.call("GET", QStringLiteral("/api/customers?q=self"), m_admin);
        const QString myId = r.json()
                                 .value(QStringLiteral("items"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        QVERIFY(!myId.isEmpty());
        const QString someoneElse =
            create(person(QStringLiteral("Neighbour"), QStringLiteral("neighbour@example.com")));

        r = m_api.call("GET", QStringLiteral("/api/customers/%1").arg(myId), token);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains(QStringLiteral("notes"))); // staff-only
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers/%1").arg(someoneElse), token).status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers"), token).status, 403);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/customers"), token,
                           person(QStringLiteral("X"), QStringLiteral("x@example.com")))
                     .status,
                 403);

        r = m_api.call("PUT", QStringLiteral("/api/customers/%1").arg(myId), token,
                       jsonObject(R"({"company": "Self Ltd", "country": "NL"})"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("company")).toString(), QStringLiteral("Self Ltd"));
        for (const char *staffOnly :
             {R"({"status": "active"})", R"({"notes": "vip"})", R"({"password": "0123456789ab"})"}) {
            r = m_api.raw("PUT", QStringLiteral("/api/customers/%1").arg(myId), token, staffOnly);
            QCOMPARE(r.status, 400);
            QCOMPARE(errorCode(r), QStringLiteral("unknown_field"));
        }
        r = m_api.call("PUT", QStringLiteral("/api/customers/%1").arg(someoneElse), token,
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Pwned")}});
        QCOMPARE(r.status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers/%1").arg(someoneElse), m_admin)
                     .json()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Neighbour"));

        // Suspending the account signs it out everywhere.
        r = m_api.call("PUT", QStringLiteral("/api/customers/%1").arg(myId), m_admin,
                       QJsonObject{{QStringLiteral("status"), QStringLiteral("suspended")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers/%1").arg(myId), token).status, 401);
    }

    void searchWithManyMatches()
    {
        // Past 2,000 matches the search walks the name order instead of sorting all matches.
        QCOMPARE(
            m_api.scalar(
                QStringLiteral(
                    "WITH i AS (INSERT INTO customers (tenant_id, name, email, status) "
                    "  SELECT ?::uuid, 'Walker ' || lpad(g::text, 4, '0'), 'walk' || g || '@example.com', "
                    "         CASE WHEN g % 10 = 0 THEN 'suspended' ELSE 'active' END "
                    "  FROM generate_series(1, 2100) g RETURNING 1) SELECT count(*) FROM i"),
                {m_tenant}),
            2100);
        for (const char *query :
             {"q=walker&sort=-name", "q=walker&sort=email", "q=walker&status=suspended"}) {
            QStringList seen;
            QString cursor;
            int pages = 0;
            do {
                QString path = QStringLiteral("/api/customers?limit=200&") + QLatin1String(query);
                if (!cursor.isEmpty())
                    path += QStringLiteral("&cursor=") + cursor;
                const auto r = m_api.call("GET", path, m_admin);
                QCOMPARE(r.status, 200);
                for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                    seen << v.toObject().value(QStringLiteral("name")).toString();
                cursor = r.json().value(QStringLiteral("next_cursor")).toString();
                ++pages;
            } while (!cursor.isEmpty() && pages < 50);
            const bool suspended = QByteArray(query).contains("suspended");
            QCOMPARE(seen.size(), suspended ? 210 : 2100);
            QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
            if (QByteArray(query).contains("-name")) {
                QCOMPARE(seen.first(), QStringLiteral("Walker 2100"));
                QCOMPARE(seen.last(), QStringLiteral("Walker 0001"));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestApiCustomers)
#include "tst_api_customers.moc"
