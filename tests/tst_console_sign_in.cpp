#include "console_controller.h"
#include "console_sections.h"
#include "db/embedded_cluster.h"
#include "db/pg_connection.h"
#include "main_window.h"
#include "password_store.h"
#include "session_status_bar.h"
#include "sign_in_dialog.h"
#include "support/test_cluster.h"
#include "tenancy/staff_accounts.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using mp::ConsoleController;
using mp::MainWindow;
using mp::PgConnection;
using mp::SignInDialog;
using mp::StaffRole;

namespace {

const QString kPassword = u"correct horse battery staple 42"_s;

// A fresh database with a tenant and a staff member, and a console configured to use it
// (MPANEL_DATABASE_URL, so no embedded cluster), not yet started.
struct ConsoleFixture {
    mp::ConnectionSettings owner;
    std::unique_ptr<PgConnection> admin;
    QString tenantId;
    QString login;
    MainWindow window{mp::consoleSections()};
    std::unique_ptr<ConsoleController> controller;

    explicit ConsoleFixture(StaffRole role, const QList<QPair<QString, QString>> &settings = {})
    {
        owner = mp::test::TestCluster::instance().freshDatabase();
        auto conn = PgConnection::connect(owner);
        if (!conn)
            qFatal("%s", qPrintable(conn.error().message));
        admin = std::move(conn.value());
        auto tenant =
            admin->query(u"INSERT INTO tenants (name) VALUES ($1) RETURNING id"_s, {u"Acme Hosting"_s});
        if (!tenant)
            qFatal("%s", qPrintable(tenant.error().message));
        tenantId = tenant->value(0).value(0);
        login = mp::test::uniqueLogin(u"staff"_s);
        if (auto s = mp::StaffAccounts::add(*admin, tenantId, login, role, kPassword); !s)
            qFatal("%s", qPrintable(s.error().message));

        QProcessEnvironment env;
        env.insert(u"MPANEL_DATABASE_URL"_s, mp::test::TestCluster::instance().url(owner.database));
        for (const auto &[name, value] : settings)
            env.insert(name, value);
        auto config = mp::Config::load({}, env);
        if (!config)
            qFatal("%s", qPrintable(config.error().message));
        controller = std::make_unique<ConsoleController>(config.value(), &window);
    }

    // Starts the console and waits for the sign-in dialog.
    SignInDialog *startAndWaitForDialog()
    {
        QSignalSpy ready(controller.get(), &ConsoleController::ready);
        controller->start();
        if (!ready.wait(30000))
            return nullptr;
        return controller->signInDialog();
    }

    void typeCredentials(SignInDialog *dialog, const QString &who, const QString &password)
    {
        dialog->findChild<QLineEdit *>(u"login"_s)->setText(who);
        dialog->findChild<QLineEdit *>(u"password"_s)->setText(password);
    }

    bool signIn()
    {
        SignInDialog *dialog = startAndWaitForDialog();
        if (!dialog)
            return false;
        typeCredentials(dialog, login, kPassword);
        dialog->submit();
        return QTest::qWaitFor(
            [this] { return controller->session()->state() == mp::ConsoleSession::State::SignedIn; }, 20000);
    }

    // A Proxmox cluster as the REST API would have stored it.
    void addCluster(const QString &name, const QString &apiBase, const QString &mode)
    {
        auto q = admin->query(
            u"INSERT INTO proxmox_clusters (tenant_id, name, api_base, token_id, token_secret, "
            u"mode, created_at, updated_at) VALUES ($1, $2, $3, 'mpanel@pve!prov', 'secret', $4, "
            u"now(), now())"_s,
            {tenantId, name, apiBase, mode});
        if (!q)
            qFatal("%s", qPrintable(q.error().message));
    }
};

} // namespace

class TestConsoleSignIn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void rightPasswordSignsIn();
    void wrongPasswordShowsServerError();
    void nonStaffLoginIsRefused();
    void signOutReturnsToDialog();
    void rememberMeWithoutKeychainIsANote();
    void embeddedDefaultSignsInAsOwner();
    void statusBarShowsSandboxOnTheEmulators();
    void statusBarShowsLiveProviders();
    void screenshot();

private:
    QTemporaryDir m_settingsDir;
};

void TestConsoleSignIn::initTestCase()
{
    // The dialog remembers its last server and login; keep that out of the real user's settings.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"mpanel-tests"_s);
}

void TestConsoleSignIn::init()
{
    QSettings().clear();
}

void TestConsoleSignIn::rightPasswordSignsIn()
{
    ConsoleFixture console(StaffRole::Billing);
    SignInDialog *dialog = console.startAndWaitForDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // The configured server is offered; the embedded database is not.
    QCOMPARE(dialog->request().host, u"127.0.0.1"_s);
    QCOMPARE(dialog->request().port, mp::test::TestCluster::instance().port());
    QCOMPARE(dialog->request().database, console.owner.database);
    QVERIFY(!dialog->request().embedded);

    console.typeCredentials(dialog, console.login, kPassword);
    dialog->submit();
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY(console.controller->session()->state() == mp::ConsoleSession::State::SignedIn);
    QTRY_VERIFY(!console.controller->signInDialog());

    mp::SessionStatusBar *status = console.window.sessionStatusBar();
    QCOMPARE(status->tenantText(), u"Tenant: Acme Hosting"_s);
    QCOMPARE(status->roleText(), u"Role: Billing"_s);
    QVERIFY2(status->connectionText().contains(u"127.0.0.1"_s), qPrintable(status->connectionText()));
    QCOMPARE(console.controller->session()->info().tenantId, console.tenantId);
    // The dialog's non-secret choices are kept for next time; the password is not.
    QCOMPARE(QSettings().value(u"signIn/login"_s).toString(), console.login);
    for (const QString &k : QSettings().allKeys())
        QVERIFY(QSettings().value(k).toString() != kPassword);
}

void TestConsoleSignIn::statusBarShowsSandboxOnTheEmulators()
{
    // What scripts/run-mpanel sets up: no Stripe key, the API base at the emulator, and the
    // demo's cluster registered as the Proxmox emulator.
    ConsoleFixture console(StaffRole::Admin,
                           {{u"MPANEL_STRIPE_API_BASE"_s, u"http://127.0.0.1:12111"_s},
                            {u"MPANEL_ACME_DIRECTORY_URL"_s, u"https://127.0.0.1:14000/dir"_s}});
    console.addCluster(u"sandbox"_s, u"https://127.0.0.1:18006/api2/json"_s, u"sandbox"_s);
    QVERIFY(console.signIn());
    mp::SessionStatusBar *status = console.window.sessionStatusBar();
    QTRY_COMPARE_WITH_TIMEOUT(status->providersText(),
                              u"Stripe: sandbox · Proxmox: sandbox · PowerDNS: no server · ACME: sandbox"_s,
                              10000);
    QVERIFY2(status->providersToolTip().contains(u"http://127.0.0.1:12111"_s),
             qPrintable(status->providersToolTip()));
    QVERIFY(status->providersToolTip().contains(u"https://127.0.0.1:18006/api2/json"_s));
    QVERIFY(status->providersToolTip().contains(u"no real money moves"_s));
    QVERIFY(status->providersToolTip().contains(u"https://127.0.0.1:14000/dir"_s));
    QVERIFY(!status->providersToolTip().contains(u"secret"_s));

    // Another session switching the cluster to a real Proxmox reaches the status bar live.
    auto q = console.admin->query(u"UPDATE proxmox_clusters SET mode = 'live', api_base = "
                                  u"'https://pve1.example.net:8006/api2/json'"_s);
    QVERIFY(q.ok());
    QTRY_COMPARE_WITH_TIMEOUT(status->providersText(),
                              u"Stripe: sandbox · Proxmox: live · PowerDNS: no server · ACME: sandbox"_s,
                              10000);

    // Signed out, nothing is claimed.
    console.controller->signOut();
    QCOMPARE(status->providersText(), QString());
}

void TestConsoleSignIn::statusBarShowsLiveProviders()
{
    ConsoleFixture console(StaffRole::ReadOnly, {{u"MPANEL_STRIPE_SECRET_KEY"_s, u"sk_live_console"_s}});
    console.addCluster(u"fra1"_s, u"https://pve1.example.net:8006/api2/json"_s, u"live"_s);
    QVERIFY(console.signIn());
    mp::SessionStatusBar *status = console.window.sessionStatusBar();
    QTRY_COMPARE_WITH_TIMEOUT(status->providersText(),
                              u"Stripe: live · Proxmox: live · PowerDNS: no server · ACME: live"_s, 10000);
    QVERIFY(!status->providersToolTip().contains(u"sandbox"_s));
    QVERIFY(status->providersToolTip().contains(u"https://api.stripe.com"_s));
    QVERIFY(!status->providersToolTip().contains(u"sk_live_console"_s));
}

void TestConsoleSignIn::wrongPasswordShowsServerError()
{
    ConsoleFixture console(StaffRole::Owner);
    SignInDialog *dialog = console.startAndWaitForDialog();
    QVERIFY(dialog);
    console.typeCredentials(dialog, console.login, u"not the password"_s);
    dialog->submit();
    QTRY_VERIFY(!dialog->isBusy());
    // Said in words staff understand, not libpq's.
    QCOMPARE(dialog->serverError(), u"The login or the password is not right. Check both and try again."_s);
    QVERIFY(!dialog->serverError().contains(u"FATAL"_s));
    QVERIFY(dialog->isVisible());
    QCOMPARE(console.controller->session()->state(), mp::ConsoleSession::State::SignedOut);
    QCOMPARE(console.window.sessionStatusBar()->connectionText(), u"Not signed in"_s);

    // Correcting the password in the same dialog works.
    console.typeCredentials(dialog, console.login, kPassword);
    dialog->submit();
    QTRY_VERIFY(console.controller->session()->state() == mp::ConsoleSession::State::SignedIn);
}

void TestConsoleSignIn::nonStaffLoginIsRefused()
{
    ConsoleFixture console(StaffRole::Owner);
    const QString outsider = mp::test::uniqueLogin(u"outsider"_s);
    QVERIFY(console.admin->exec(u"CREATE ROLE %1 LOGIN PASSWORD %2"_s.arg(
        console.admin->quoteIdentifier(outsider), console.admin->quoteLiteral(kPassword))));
    SignInDialog *dialog = console.startAndWaitForDialog();
    QVERIFY(dialog);
    console.typeCredentials(dialog, outsider, kPassword);
    dialog->submit();
    QTRY_VERIFY(!dialog->isBusy());
    QVERIFY2(dialog->serverError().contains(u"this login is not an mPanel staff account"_s),
             qPrintable(dialog->serverError()));
}

void TestConsoleSignIn::signOutReturnsToDialog()
{
    ConsoleFixture console(StaffRole::Support);
    SignInDialog *dialog = console.startAndWaitForDialog();
    QVERIFY(dialog);
    console.typeCredentials(dialog, console.login, kPassword);
    dialog->submit();
    QTRY_VERIFY(console.controller->session()->state() == mp::ConsoleSession::State::SignedIn);

    console.controller->signOut();
    QCOMPARE(console.controller->session()->state(), mp::ConsoleSession::State::SignedOut);
    QCOMPARE(console.window.sessionStatusBar()->connectionText(), u"Not signed in"_s);
    QVERIFY(console.controller->signInDialog());
    QCOMPARE(console.controller->signInDialog()->request().login, console.login);
    QVERIFY(console.controller->signInDialog()->request().password.isEmpty());
    QVERIFY(!QSettings().value(u"signIn/remember"_s).toBool());
}

void TestConsoleSignIn::rememberMeWithoutKeychainIsANote()
{
    ConsoleFixture console(StaffRole::Owner);
    console.controller->passwordStore()->setTimeout(3000);
    SignInDialog *dialog = console.startAndWaitForDialog();
    QVERIFY(dialog);
    console.typeCredentials(dialog, console.login, kPassword);
    dialog->findChild<QCheckBox *>(u"remember"_s)->setChecked(true);
    QSignalSpy remembered(console.controller.get(), &ConsoleController::rememberFinished);
    dialog->submit();
    QTRY_VERIFY(console.controller->session()->state() == mp::ConsoleSession::State::SignedIn);
    // Tests run without a secret service: the keychain refuses (or never answers), the console
    // says so in the status bar and stays signed in. With a keychain, the password is kept.
    QVERIFY(remembered.wait(10000) || remembered.size() == 1);
    const QString error = remembered.at(0).at(0).toString();
    if (!error.isEmpty())
        QVERIFY(console.window.sessionStatusBar()->currentMessage().contains(error));
    QCOMPARE(console.controller->session()->state(), mp::ConsoleSession::State::SignedIn);
    QVERIFY(QSettings().value(u"signIn/remember"_s).toBool());
    qInfo("keychain answer: %s", error.isEmpty() ? "stored" : qPrintable(error));
    console.controller->signOut();
    QVERIFY(!QSettings().value(u"signIn/remember"_s).toBool());
}

void TestConsoleSignIn::embeddedDefaultSignsInAsOwner()
{
    // No database configured: the console starts its own cluster (off the UI thread) and signs
    // in as that cluster's first owner without asking.
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    // As root the cluster runs as `postgres`, which must be able to enter the directory.
    QFile::setPermissions(dataDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                              QFileDevice::ExeOther);
    QProcessEnvironment env;
    env.insert(u"MPANEL_DATA_DIR"_s, dataDir.path());
    MainWindow window{mp::consoleSections()};
    ConsoleController controller(mp::Config::load({}, env).value(), &window);
    QSignalSpy ready(&controller, &ConsoleController::ready);
    QElapsedTimer uiThread;
    uiThread.start();
    controller.start();
    QVERIFY2(uiThread.elapsed() < 1000, "start() must not wait for the database");
    QVERIFY(ready.wait(120000));

    QCOMPARE(controller.session()->state(), mp::ConsoleSession::State::SignedIn);
    QVERIFY(controller.databaseTarget() && controller.databaseTarget()->embedded);
    QCOMPARE(controller.session()->info().login, u"owner"_s);
    QVERIFY(controller.session()->info().role == StaffRole::Owner);
    QCOMPARE(window.sessionStatusBar()->connectionText(), u"Connected: embedded database"_s);
    QCOMPARE(window.sessionStatusBar()->tenantText(), u"Tenant: My hosting company"_s);
    QVERIFY(!controller.signInDialog());

    controller.session()->signOut();
    QVERIFY(mp::EmbeddedCluster({dataDir.path() + u"/postgres"_s}).stop());
}

void TestConsoleSignIn::screenshot()
{
    ConsoleFixture console(StaffRole::Owner);
    console.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&console.window));
    SignInDialog *dialog = console.startAndWaitForDialog();
    QVERIFY(dialog);
    console.typeCredentials(dialog, console.login, kPassword);
    dialog->submit();
    QTRY_VERIFY(console.controller->session()->state() == mp::ConsoleSession::State::SignedIn);
    QTRY_VERIFY(!console.controller->signInDialog());

    const QString file = QDir(QCoreApplication::applicationDirPath()).filePath(u"console-main-window.png"_s);
    QVERIFY(console.window.grab().save(file));
    qInfo("main window screenshot: %s", qPrintable(file));

    const QImage saved(file);
    QVERIFY(saved.width() >= 800 && saved.height() >= 500);
    QSet<QRgb> colors;
    for (int y = 0; y < saved.height(); y += 5) {
        for (int x = 0; x < saved.width(); x += 5)
            colors.insert(saved.pixel(x, y));
    }
    QVERIFY2(colors.size() > 8, qPrintable(u"only %1 colors"_s.arg(colors.size())));
}

QTEST_MAIN(TestConsoleSignIn)
#include "tst_console_sign_in.moc"
