// Customer sign-up and sign-in: argon2id password hashes, short-lived access tokens, refresh
// tokens rotated on use (a reused one revokes the session), logout, and the failed sign-in
// throttle per account and per address, kept in the database so two service instances agree.

#include "core/clock.h"
#include "support/service_fixture.h"

using namespace mp;
using namespace mp::test;

class TestApiAuth : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant;
    QString m_admin;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ScopedClock> m_scope;

    static constexpr const char *kPassword = "correct horse battery staple";

    HttpResult signup(const QString &email, const QString &tenant = {})
    {
        return m_api.call("POST", QStringLiteral("/api/auth/signup"), {},
                          QJsonObject{{QStringLiteral("tenant_id"), tenant.isEmpty() ? m_tenant : tenant},
                                      {QStringLiteral("name"), QStringLiteral("Signer Upper")},
                                      {QStringLiteral("email"), email},
                                      {QStringLiteral("password"), QLatin1String(kPassword)}});
    }
    HttpResult login(const QString &email, const QString &password, const QString &tenant = {})
    {
        return m_api.call("POST", QStringLiteral("/api/auth/login"), {},
                          QJsonObject{{QStringLiteral("tenant_id"), tenant.isEmpty() ? m_tenant : tenant},
                                      {QStringLiteral("email"), email},
                                      {QStringLiteral("password"), password}});
    }
    HttpResult refresh(const QString &token)
    {
        return m_api.call("POST", QStringLiteral("/api/auth/refresh"), {},
                          QJsonObject{{QStringLiteral("refresh_token"), token}});
    }
    int me(const QString &access, const QString &customerId)
    {
        return m_api.call("GET", QStringLiteral("/api/customers/%1").arg(customerId), access).status;
    }
    qint64 customerRows() { return m_api.scalar(QStringLiteral("SELECT count(*) FROM customers")); }

private Q_SLOTS:
    void initTestCase()
    {
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
        m_scope = std::make_unique<ScopedClock>(*m_clock);
        m_api.start(QStringLiteral("auth"));
        m_tenant = m_api.tenant(QStringLiteral("Auth Hosting"));
        m_admin = m_api.staffToken(m_tenant);
    }

    void cleanupTestCase() { m_scope.reset(); }

    void signupSignsIn()
    {
        const auto r = signup(QStringLiteral("New.Customer@Example.com"));
        QCOMPARE(r.status, 201);
        const QJsonObject body = r.json();
        QVERIFY(body.value(QStringLiteral("access_token")).toString().startsWith(QLatin1String("mpc_")));
        QVERIFY(body.value(QStringLiteral("refresh_token")).toString().startsWith(QLatin1String("mpr_")));
        QCOMPARE(body.value(QStringLiteral("expires_in")).toInt(), 900);
        QCOMPARE(
            body.value(QStringLiteral("customer")).toObject().value(QStringLiteral("has_password")).toBool(),
            true);
        const QString id = body.value(QStringLiteral("customer_id")).toString();
        QCOMPARE(me(body.value(QStringLiteral("access_token")).toString(), id), 200);
        // argon2id, and no token stored in the clear.
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE id = ?::uuid "
                                             "AND password_hash LIKE '$argon2id$%'"),
                              {id}),
                 1);
        QCOMPARE(m_api.scalar(QStringLiteral(
                                  "SELECT count(*) FROM customer_tokens WHERE token_hash = sha256(?::bytea)"),
                              {body.value(QStringLiteral("refresh_token")).toString()}),
                 1);
    }

    void signupValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QByteArray tenant = QByteArray(); // filled in below
        QTest::newRow("missing tenant") << QByteArray(R"({"name": "A", "email": "a@example.com",
                                                          "password": "0123456789ab"})")
                                        << 422 << QStringLiteral("tenant_id");
        QTest::newRow("unknown tenant") << QByteArray(R"({"tenant_id": "6f1b8f0e-0000-4000-8000-000000000000",
            "name": "A", "email": "a@example.com", "password": "0123456789ab"})")
                                        << 422 << QStringLiteral("tenant_id");
        QTest::newRow("malformed tenant") << QByteArray(R"({"tenant_id": "x; DROP TABLE customers; --",
            "name": "A", "email": "a@example.com", "password": "0123456789ab"})")
                                          << 422 << QStringLiteral("tenant_id");
        QTest::newRow("missing password") << QByteArray(R"({"tenant_id": "@T", "name": "A",
            "email": "a@example.com"})") << 422
                                          << QStringLiteral("password");
        QTest::newRow("weak password")
            << QByteArray(R"({"tenant_id": "@T", "name": "A", "email": "a@example.com",
            "password": "123"})")
            << 422 << QStringLiteral("password");
        QTest::newRow("taken email") << QByteArray(R"({"tenant_id": "@T", "name": "A",
            "email": "NEW.customer@example.COM", "password": "0123456789ab"})")
                                     << 409 << QStringLiteral("email");
        QTest::newRow("bad email") << QByteArray(R"({"tenant_id": "@T", "name": "A", "email": "nobody",
            "password": "0123456789ab"})")
                                   << 422 << QStringLiteral("email");
        QTest::newRow("staff-only field") << QByteArray(R"({"tenant_id": "@T", "name": "A",
            "email": "b@example.com", "password": "0123456789ab", "status": "active"})")
                                          << 400 << QStringLiteral("status");
        QTest::newRow("password not a string") << QByteArray(R"({"tenant_id": "@T", "name": "A",
            "email": "b@example.com", "password": 1234567890123})")
                                               << 400 << QStringLiteral("password");
        Q_UNUSED(tenant);
    }

    void signupValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        body.replace("@T", m_tenant.toLatin1());
        const qint64 before = customerRows();
        const auto r = m_api.raw("POST", QStringLiteral("/api/auth/signup"), {}, body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorField(r), field);
        QCOMPARE(customerRows(), before);
    }

    void loginAndWrongPassword()
    {
        auto r = login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("access_token")).toString().startsWith(QLatin1String("mpc_")));
        r = login(QStringLiteral("new.customer@example.com"), QStringLiteral("wrong password!"));
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("invalid_credentials"));
        // An unknown account answers exactly the same.
        const auto unknown = login(QStringLiteral("nobody@example.com"), QStringLiteral("wrong password!"));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.body, r.body);
        // A customer created by staff without a password cannot sign in.
        m_api.call("POST", QStringLiteral("/api/customers"), m_admin,
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("No Password")},
                               {QStringLiteral("email"), QStringLiteral("nopass@example.com")}});
        QCOMPARE(login(QStringLiteral("nopass@example.com"), QStringLiteral("")).status, 401);
        // Malformed sign-ins are 4xx, not 500.
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/login"), {}, R"({"email": 5})").status, 422);
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/login"), {}, "not json").status, 400);
        const auto typed = m_api.raw(
            "POST", QStringLiteral("/api/auth/login"), {},
            QStringLiteral(R"({"tenant_id": "%1", "email": 5, "password": "x"})").arg(m_tenant).toLatin1());
        QCOMPARE(typed.status, 400);
        QCOMPARE(errorField(typed), QStringLiteral("email"));
        // Clean slate for the throttle tests.
        m_api.exec(QStringLiteral("DELETE FROM sign_in_failures"));
    }

    void refreshRotatesAndReuseRevokes()
    {
        auto r = login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword));
        QCOMPARE(r.status, 200);
        const QString id = r.json().value(QStringLiteral("customer_id")).toString();
        const QString access1 = r.json().value(QStringLiteral("access_token")).toString();
        const QString refresh1 = r.json().value(QStringLiteral("refresh_token")).toString();

        r = refresh(refresh1);
        QCOMPARE(r.status, 200);
        const QString access2 = r.json().value(QStringLiteral("access_token")).toString();
        const QString refresh2 = r.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(refresh2 != refresh1);
        QCOMPARE(me(access2, id), 200);

        // Presenting the used refresh token again: someone has a copy. The session dies.
        r = refresh(refresh1);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("token_reused"));
        QCOMPARE(me(access2, id), 401);
        QCOMPARE(me(access1, id), 401);
        QCOMPARE(refresh(refresh2).status, 401);

        // Garbage is 401 or 400, never 500.
        QCOMPARE(refresh(QStringLiteral("mpr_nonsense")).status, 401);
        QCOMPARE(refresh(QStringLiteral("mpc_wrong_kind")).status, 401);
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/refresh"), {}, R"({"refresh_token": 5})").status,
                 400);
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/refresh"), {}, R"({})").status, 422);
    }

    void accessTokensExpire()
    {
        auto r = login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword));
        const QString id = r.json().value(QStringLiteral("customer_id")).toString();
        const QString access = r.json().value(QStringLiteral("access_token")).toString();
        const QString refreshToken = r.json().value(QStringLiteral("refresh_token")).toString();
        m_clock->advance(14 * 60 * 1000);
        QCOMPARE(me(access, id), 200);
        m_clock->advance(2 * 60 * 1000);
        QCOMPARE(me(access, id), 401);
        // The refresh token outlives it and brings a fresh access token.
        r = refresh(refreshToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(me(r.json().value(QStringLiteral("access_token")).toString(), id), 200);
    }

    void logout()
    {
        auto r = login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword));
        const QString id = r.json().value(QStringLiteral("customer_id")).toString();
        const QString access = r.json().value(QStringLiteral("access_token")).toString();
        const QString refreshToken = r.json().value(QStringLiteral("refresh_token")).toString();
        r = m_api.call("POST", QStringLiteral("/api/auth/logout"), {},
                       QJsonObject{{QStringLiteral("refresh_token"), refreshToken}});
        QCOMPARE(r.status, 200);
        QCOMPARE(me(access, id), 401);
        QCOMPARE(refresh(refreshToken).status, 401);

        // With the bearer access token instead; other sessions stay signed in.
        r = login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword));
        const QString a = r.json().value(QStringLiteral("access_token")).toString();
        r = login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword));
        const QString b = r.json().value(QStringLiteral("access_token")).toString();
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/logout"), a).status, 200);
        QCOMPARE(me(a, id), 401);
        QCOMPARE(me(b, id), 200);
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/logout"), QString()).status, 401);
    }

    void suspendedCannotSignIn()
    {
        auto r = signup(QStringLiteral("suspend.me@example.com"));
        const QString id = r.json().value(QStringLiteral("customer_id")).toString();
        QCOMPARE(m_api
                     .call("PUT", QStringLiteral("/api/customers/%1").arg(id), m_admin,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("suspended")}})
                     .status,
                 200);
        r = login(QStringLiteral("suspend.me@example.com"), QLatin1String(kPassword));
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QStringLiteral("account_disabled"));
    }

    void throttlePerAccount()
    {
        QCOMPARE(signup(QStringLiteral("target@example.com")).status, 201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(QStringLiteral("target@example.com"), QStringLiteral("guess %1").arg(i)).status,
                     401);
        // Locked: even the right password waits.
        auto r = login(QStringLiteral("TARGET@example.com"), QLatin1String(kPassword));
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), QStringLiteral("rate_limited"));
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 0 && retryAfter <= 900, r.header("Retry-After").constData());
        // Another account from the same address is not affected.
        QCOMPARE(login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword)).status, 200);

        // A second service instance on the same database sees the same lock.
        ServiceFixture second;
        second.startOn(m_api.settings(), QStringLiteral("auth-second"));
        QCOMPARE(second
                     .call("POST", QStringLiteral("/api/auth/login"), {},
                           QJsonObject{{QStringLiteral("tenant_id"), m_tenant},
                                       {QStringLiteral("email"), QStringLiteral("target@example.com")},
                                       {QStringLiteral("password"), QLatin1String(kPassword)}})
                     .status,
                 429);

        // Once the window has moved on, the right password works and clears the count.
        m_clock->advance(qint64(retryAfter) * 1000 + 1000);
        QCOMPARE(login(QStringLiteral("target@example.com"), QLatin1String(kPassword)).status, 200);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM sign_in_failures WHERE scope = 'account' "
                                             "AND key = 'target@example.com'")),
                 0);
    }

    void throttlePerAddress()
    {
        // A password spray: one guess each against many accounts, from one address.
        const QString tenant = m_api.tenant(QStringLiteral("Spray Target"));
        QCOMPARE(signup(QStringLiteral("real@example.com"), tenant).status, 201);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(login(QStringLiteral("user%1@example.com").arg(i), QStringLiteral("Summer2026!"), tenant)
                         .status,
                     401);
        const auto r = login(QStringLiteral("real@example.com"), QLatin1String(kPassword), tenant);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 0);
        // Other tenants' portals keep their own counts.
        QCOMPARE(login(QStringLiteral("new.customer@example.com"), QLatin1String(kPassword)).status, 200);
        m_clock->advance(16 * 60 * 1000);
        QCOMPARE(login(QStringLiteral("real@example.com"), QLatin1String(kPassword), tenant).status, 200);
    }

    void signupThrottlePerAddress()
    {
        const QString tenant = m_api.tenant(QStringLiteral("Signup Flood"));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(signup(QStringLiteral("bulk%1@example.com").arg(i), tenant).status, 201);
        const auto r = signup(QStringLiteral("bulk10@example.com"), tenant);
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), QStringLiteral("rate_limited"));
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 0 && retryAfter <= 3600, r.header("Retry-After").constData());
        // The refused signup left no customer behind, and another tenant's portal is unaffected.
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE email LIKE 'bulk%'")), 10);
        QCOMPARE(signup(QStringLiteral("elsewhere@example.com")).status, 201);
        // Refused attempts do not extend the wait: once the signups leave the hour, it opens again.
        m_clock->advance(qint64(retryAfter) * 1000 + 1000);
        QCOMPARE(signup(QStringLiteral("bulk10@example.com"), tenant).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
