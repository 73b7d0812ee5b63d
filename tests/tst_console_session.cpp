#include "console_session/console_session.h"
#include "console_session/session_errors.h"
#include "console_session/staff_session.h"
#include "db/pg_connection.h"
#include "support/test_cluster.h"
#include "tenancy/staff_accounts.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using mp::ConnectionSettings;
using mp::ConsoleSession;
using mp::PgConnection;
using mp::StaffRole;
using mp::StaffSession;

namespace {

const QString kPassword = u"correct horse battery staple 42"_s;

// A fresh database with one tenant and one staff member of `role`.
struct StaffFixture {
    ConnectionSettings owner;
    QString tenantId;
    QString login;
    std::unique_ptr<PgConnection> admin;

    explicit StaffFixture(StaffRole role, const QString &tenantName = u"Acme Hosting"_s)
    {
        owner = mp::test::TestCluster::instance().freshDatabase();
        auto conn = PgConnection::connect(owner);
        if (!conn)
            qFatal("%s", qPrintable(conn.error().message));
        admin = std::move(conn.value());
        auto tenant = admin->query(u"INSERT INTO tenants (name) VALUES ($1) RETURNING id"_s, {tenantName});
        if (!tenant)
            qFatal("%s", qPrintable(tenant.error().message));
        tenantId = tenant->value(0).value(0);
        login = mp::test::uniqueLogin(u"staff"_s);
        if (auto s = mp::StaffAccounts::add(*admin, tenantId, login, role, kPassword); !s)
            qFatal("%s", qPrintable(s.error().message));
    }

    // Ends every backend of `login`, as a server restart or a network cut would.
    void dropConnections()
    {
        auto killed = admin->query(
            u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1"_s, {login});
        QVERIFY2(killed, qPrintable(killed ? QString() : killed.error().message));
    }
};

} // namespace

class TestConsoleSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signInShowsTenantAndRole();
    void wrongPasswordIsRefused();
    void nonStaffLoginIsRefused();
    void deactivatedStaffIsRefused();
    void pingDetectsDropAndReconnectRestores();
    void backoffDoubles();
    void asyncSignInAndReconnect();
    void asyncSignInFailure();
    void sessionEndsWhenPasswordChanged();
};

void TestConsoleSession::signInShowsTenantAndRole()
{
    StaffFixture fixture(StaffRole::Billing);
    StaffSession session;
    auto info = session.signIn(fixture.owner, fixture.login, kPassword);
    QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
    QCOMPARE(info->login, fixture.login);
    QCOMPARE(info->tenantId, fixture.tenantId);
    QCOMPARE(info->tenantName, u"Acme Hosting"_s);
    QVERIFY(info->role == StaffRole::Billing);
    QVERIFY(info->serverDescription.contains(fixture.login));
    QVERIFY(!info->serverDescription.contains(kPassword));
    QVERIFY(session.isSignedIn());
    QCOMPARE(session.settings().user, fixture.login);
    QVERIFY(session.ping());
}

void TestConsoleSession::wrongPasswordIsRefused()
{
    StaffFixture fixture(StaffRole::Owner);
    StaffSession session;
    auto info = session.signIn(fixture.owner, fixture.login, u"not the password"_s);
    QVERIFY(!info);
    QCOMPARE(info.error().code, mp::errors::AuthenticationFailed.wireName());
    QVERIFY2(info.error().message.contains(u"password authentication failed"_s),
             qPrintable(info.error().message));
    QVERIFY(!session.isSignedIn());
    QVERIFY(!session.ping());
}

void TestConsoleSession::nonStaffLoginIsRefused()
{
    StaffFixture fixture(StaffRole::Owner);
    // A login role that exists and can connect, but is neither in mpanel_staff nor in `staff`.
    const QString outsider = mp::test::uniqueLogin(u"outsider"_s);
    QVERIFY(fixture.admin->exec(u"CREATE ROLE %1 LOGIN PASSWORD %2"_s.arg(
        fixture.admin->quoteIdentifier(outsider), fixture.admin->quoteLiteral(kPassword))));
    StaffSession session;
    auto info = session.signIn(fixture.owner, outsider, kPassword);
    QVERIFY(!info);
    QCOMPARE(info.error().code, mp::errors::NotStaff.wireName());
    QVERIFY2(info.error().message.contains(u"this login is not an mPanel staff account"_s),
             qPrintable(info.error().message));
}

void TestConsoleSession::deactivatedStaffIsRefused()
{
    StaffFixture fixture(StaffRole::Support);
    QVERIFY(fixture.admin->exec(u"UPDATE staff SET active = false WHERE login = %1"_s.arg(
        fixture.admin->quoteLiteral(fixture.login))));
    StaffSession session;
    auto info = session.signIn(fixture.owner, fixture.login, kPassword);
    QVERIFY(!info);
    QCOMPARE(info.error().code, mp::errors::NotStaff.wireName());
}

void TestConsoleSession::pingDetectsDropAndReconnectRestores()
{
    StaffFixture fixture(StaffRole::Admin);
    StaffSession session;
    QVERIFY(session.signIn(fixture.owner, fixture.login, kPassword));
    fixture.dropConnections();
    QVERIFY(!session.ping());
    auto again = session.reconnect();
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QCOMPARE(again->tenantId, fixture.tenantId);
    QVERIFY(again->role == StaffRole::Admin);
    QVERIFY(session.ping());
}

void TestConsoleSession::backoffDoubles()
{
    ConsoleSession session;
    session.setReconnectBackoff(1s, 10s);
    QCOMPARE(session.reconnectDelay(1), 1000ms);
    QCOMPARE(session.reconnectDelay(2), 2000ms);
    QCOMPARE(session.reconnectDelay(3), 4000ms);
    QCOMPARE(session.reconnectDelay(4), 8000ms);
    QCOMPARE(session.reconnectDelay(5), 10000ms);
    QCOMPARE(session.reconnectDelay(50), 10000ms);
}

void TestConsoleSession::asyncSignInAndReconnect()
{
    StaffFixture fixture(StaffRole::ReadOnly, u"Beta Hosting"_s);
    ConsoleSession session;
    session.setReconnectBackoff(10ms, 100ms);
    QSignalSpy signedIn(&session, &ConsoleSession::signedIn);
    QSignalSpy lost(&session, &ConsoleSession::connectionLost);
    QSignalSpy reconnecting(&session, &ConsoleSession::reconnecting);
    QSignalSpy reconnected(&session, &ConsoleSession::reconnected);

    session.signIn(fixture.owner, fixture.login, kPassword);
    QCOMPARE(session.state(), ConsoleSession::State::SigningIn);
    QTRY_COMPARE(signedIn.size(), 1);
    QCOMPARE(session.state(), ConsoleSession::State::SignedIn);
    QCOMPARE(session.info().tenantName, u"Beta Hosting"_s);
    QVERIFY(session.info().role == StaffRole::ReadOnly);
    QCOMPARE(session.staffSettings().user, fixture.login);

    fixture.dropConnections();
    session.checkConnection();
    QTRY_COMPARE(lost.size(), 1);
    QVERIFY(reconnecting.size() >= 1);
    QTRY_COMPARE(reconnected.size(), 1);
    QCOMPARE(session.state(), ConsoleSession::State::SignedIn);
    QCOMPARE(session.info().tenantId, fixture.tenantId);

    QSignalSpy signedOut(&session, &ConsoleSession::signedOut);
    session.signOut();
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(session.state(), ConsoleSession::State::SignedOut);
    QVERIFY(session.staffSettings().user.isEmpty());
}

void TestConsoleSession::asyncSignInFailure()
{
    StaffFixture fixture(StaffRole::Owner);
    ConsoleSession session;
    QSignalSpy failed(&session, &ConsoleSession::signInFailed);
    session.signIn(fixture.owner, fixture.login, u"wrong"_s);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<mp::Error>().code, mp::errors::AuthenticationFailed.wireName());
    QCOMPARE(session.state(), ConsoleSession::State::SignedOut);
}

void TestConsoleSession::sessionEndsWhenPasswordChanged()
{
    StaffFixture fixture(StaffRole::Owner);
    ConsoleSession session;
    session.setReconnectBackoff(10ms, 100ms);
    QSignalSpy signedIn(&session, &ConsoleSession::signedIn);
    QSignalSpy ended(&session, &ConsoleSession::sessionEnded);
    session.signIn(fixture.owner, fixture.login, kPassword);
    QTRY_COMPARE(signedIn.size(), 1);

    QVERIFY(mp::StaffAccounts::setPassword(*fixture.admin, fixture.login, u"a brand new password 43"_s));
    fixture.dropConnections();
    session.checkConnection();
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).value<mp::Error>().code, mp::errors::AuthenticationFailed.wireName());
    QCOMPARE(session.state(), ConsoleSession::State::SignedOut);
}

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_console_session.moc"
