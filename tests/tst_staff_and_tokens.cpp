#include "db/pg_connection.h"
#include "db/sql.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"
#include "tenancy/staff_accounts.h"

#include <QTest>

using namespace mp;
using mp::test::TestCluster;

class TestStaffAndTokens : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;
    QSqlDatabase m_owner;
    std::unique_ptr<PgConnection> m_admin;
    QString m_tenant;

private Q_SLOTS:
    void initTestCase()
    {
        m_settings = TestCluster::instance().freshDatabase();
        m_owner = test::openDatabase(m_settings, QStringLiteral("owner"));
        m_tenant = test::createTenant(m_owner, QStringLiteral("Staff Co"));
        auto admin = PgConnection::connect(m_settings);
        QVERIFY(admin.ok());
        m_admin = std::move(admin).value();
    }

    void staffSignInWithTheirOwnScramLogin()
    {
        const QString login = test::uniqueLogin(QStringLiteral("alice"));
        const QString password = QStringLiteral("a long enough password");
        QVERIFY(StaffAccounts::add(*m_admin, m_tenant, login, StaffRole::Billing, password).ok());

        auto signedIn = sql::open(m_settings.withLogin(login, password), login);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.ok() ? QString() : signedIn.error().message));
        auto q = sql::exec(signedIn.value(), QStringLiteral("SELECT mpanel_staff_role()::text, "
                                                            "(SELECT name FROM tenants)"));
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("billing"));
        QCOMPARE(q->value(1).toString(), QStringLiteral("Staff Co"));

        auto wrong = sql::open(m_settings.withLogin(login, QStringLiteral("not the password")), login + u'x');
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("database_unreachable"));

        // The password is stored as a SCRAM verifier, computed client-side.
        auto rows = m_admin->query(QStringLiteral("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                                                  "WHERE rolname = $1"),
                                   {login});
        QVERIFY(rows.ok());
        QCOMPARE(rows->value(0).value(0), QStringLiteral("t"));
    }

    void staffValidation_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString good = QStringLiteral("a long enough password");
        QTest::newRow("uppercase") << QStringLiteral("Alice") << good << QString() << "invalid_login"
                                   << "login";
        QTest::newRow("sql in login") << QStringLiteral("a\"; drop") << good << QString() << "invalid_login"
                                      << "login";
        QTest::newRow("reserved pg_") << QStringLiteral("pg_admin") << good << QString() << "invalid_login"
                                      << "login";
        QTest::newRow("reserved mpanel")
            << QStringLiteral("mpanel_app") << good << QString() << "invalid_login"
            << "login";
        QTest::newRow("short password")
            << QStringLiteral("bob_ok") << QStringLiteral("short") << QString() << "weak_password"
            << "password";
        QTest::newRow("bad tenant") << QStringLiteral("bob_ok") << good << QStringLiteral("nope")
                                    << "invalid_tenant"
                                    << "tenant";
        QTest::newRow("unknown tenant")
            << QStringLiteral("bob_ok") << good << QStringLiteral("00000000-0000-0000-0000-000000000001")
            << "not_found"
            << "tenant";
    }
    void staffValidation()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, tenant);
        QFETCH(QString, code);
        QFETCH(QString, field);
        auto before = m_admin->query(QStringLiteral("SELECT count(*) FROM pg_roles"));
        auto s = StaffAccounts::add(*m_admin, tenant.isEmpty() ? m_tenant : tenant, login, StaffRole::Admin,
                                    password);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, code);
        QCOMPARE(s.error().field, field);
        auto after = m_admin->query(QStringLiteral("SELECT count(*) FROM pg_roles"));
        QCOMPARE(after->value(0).value(0), before->value(0).value(0));
    }

    void duplicateLoginIsRefused()
    {
        const QString login = test::uniqueLogin(QStringLiteral("dup"));
        const QString password = QStringLiteral("a long enough password");
        QVERIFY(StaffAccounts::add(*m_admin, m_tenant, login, StaffRole::Support, password).ok());
        auto again = StaffAccounts::add(*m_admin, m_tenant, login, StaffRole::Owner, password);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("login_taken"));
        auto rows = m_admin->query(QStringLiteral("SELECT role::text FROM staff WHERE login = $1"), {login});
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->value(0).value(0), QStringLiteral("support"));
    }

    void tokensAuthenticateUntilRevoked()
    {
        auto token = ApiTokens::create(m_owner, m_tenant, StaffRole::Admin, QStringLiteral("ci"));
        QVERIFY(token.ok());
        QVERIFY(token->startsWith(QStringLiteral("mpt_")));
        QVERIFY(token->size() > 40);

        // Only the hash is stored.
        auto stored = sql::exec(m_owner,
                                QStringLiteral("SELECT count(*) FROM api_tokens WHERE token_hash = ? "
                                               "AND position(convert_to(?, 'UTF8') in token_hash) = 0"),
                                {ApiTokens::hash(token.value()), token.value()});
        QVERIFY(stored.ok() && stored->next());
        QCOMPARE(stored->value(0).toInt(), 1);

        auto who = ApiTokens::authenticate(m_owner, token.value());
        QVERIFY(who.ok());
        QCOMPARE(who->tenantId, m_tenant);
        QVERIFY(who->role == StaffRole::Admin);

        // Change the last character to a different one: a fixed 'A' is the
        // same token whenever the random token already ends in 'A'.
        const QChar last = token->back();
        const QChar other = last == u'A' ? u'B' : u'A';
        auto forged = ApiTokens::authenticate(m_owner, token.value().left(token->size() - 1) + other);
        QVERIFY(!forged.ok());
        QCOMPARE(forged.error().code, QStringLiteral("unauthenticated"));
        QVERIFY(!ApiTokens::authenticate(m_owner, QStringLiteral("not-a-token")).ok());

        QVERIFY(ApiTokens::revoke(m_owner, who->tokenId).ok());
        QVERIFY(!ApiTokens::authenticate(m_owner, token.value()).ok());
    }

    void tokenForUnknownTenantIsRefused()
    {
        auto token = ApiTokens::create(m_owner, QStringLiteral("00000000-0000-0000-0000-0000000000ff"),
                                       StaffRole::Admin);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestStaffAndTokens)
#include "tst_staff_and_tokens.moc"
