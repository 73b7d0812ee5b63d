// The example module's console section (tests/example_module) plugs into the console with one
// registration line, as any section from outside views/ does: it appears
// in the navigation with its page once a staff member signs in, the change feed listens on its
// channel (a NOTIFY there reaches its page), and the rest of the console can run its command.
#include "console_controller.h"
#include "console_section.h"
#include "console_sections.h"
#include "console_session/change_feed.h"
#include "db/pg_connection.h"
#include "example_module/example_section.h"
#include "main_window.h"
#include "service/service_modules.h"
#include "sign_in_dialog.h"
#include "support/test_cluster.h"
#include "tenancy/staff_accounts.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using mp::example::exampleSection;
using ExamplePage = mp::example::WidgetsPage;

namespace {

const QString kExampleChannel = mp::example::widgetsChannel();

} // namespace

class TestConsoleSectionRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sectionFromOutsideViewsPlugsIn();

private:
    QTemporaryDir m_settingsDir;
};

void TestConsoleSectionRegistry::initTestCase()
{
    // The sign-in dialog remembers its last server and login; keep that out of the user's settings.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"mpanel-tests"_s);
    // As the console's main() does: the services' commands reach the modules' hooks.
    mp::installServiceModules();
}

void TestConsoleSectionRegistry::sectionFromOutsideViewsPlugsIn()
{
    const mp::ConnectionSettings owner = mp::test::TestCluster::instance().freshDatabase();
    auto admin = mp::PgConnection::connect(owner);
    if (!admin)
        QFAIL(qPrintable(admin.error().message));
    auto tenant = (*admin)->query(u"INSERT INTO tenants (name) VALUES ('Acme Hosting') RETURNING id"_s);
    QVERIFY(tenant);
    const QString tenantId = tenant->value(0).value(0);
    const QString login = mp::test::uniqueLogin(u"staff"_s);
    const QString password = u"correct horse battery staple 42"_s;
    QVERIFY(mp::StaffAccounts::add(**admin, tenantId, login, mp::StaffRole::Admin, password));

    mp::ConsoleSections sections = mp::consoleSections();
    const qsizetype rowsBefore = sections.navigation().size();
    sections.add(exampleSection()); // the one line a module adds
    mp::MainWindow window(sections);
    QProcessEnvironment env;
    env.insert(u"MPANEL_DATABASE_URL"_s, mp::test::TestCluster::instance().url(owner.database));
    mp::ConsoleController controller(mp::Config::load({}, env).value(), &window);

    // Its row sits between Provisioning (600) and Domains (700), with its empty state until
    // someone signs in.
    mp::NavigationModel *navigation = window.navigationModel();
    QCOMPARE(navigation->rowCount(), rowsBefore + 1);
    const QModelIndex row = navigation->indexOf(u"example"_s);
    QCOMPARE(row.row(), navigation->indexOf(u"provisioning"_s).row() + 1);
    QCOMPARE(row.data().toString(), u"Example"_s);
    QVERIFY(!qobject_cast<ExamplePage *>(window.sectionPage(u"example"_s)));

    QSignalSpy ready(&controller, &mp::ConsoleController::ready);
    QSignalSpy listening(controller.changeFeed(), &mp::ChangeFeed::listening);
    controller.start();
    QVERIFY(ready.wait(30000));
    mp::SignInDialog *dialog = controller.signInDialog();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(u"login"_s)->setText(login);
    dialog->findChild<QLineEdit *>(u"password"_s)->setText(password);
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->state() == mp::ConsoleSession::State::SignedIn, 20000);

    // Signed in: its page is in its row, made by its factory.
    auto *page = qobject_cast<ExamplePage *>(window.sectionPage(u"example"_s));
    QVERIFY(page);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListView *list = window.navigationView();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
    QCOMPARE(window.currentSection(), u"example"_s);
    QCOMPARE(window.findChild<QStackedWidget *>(u"sectionPages"_s)->currentWidget(), page);

    // The feed listens on its channel: a change of this tenant's rows reaches the page, another
    // tenant's does not.
    QTRY_VERIFY_WITH_TIMEOUT(!listening.isEmpty(), 20000);
    QVERIFY((*admin)->query(u"SELECT pg_notify($1, $2)"_s,
                            {kExampleChannel, u"00000000-0000-4000-8000-000000000000"_s}));
    QVERIFY((*admin)->query(u"SELECT pg_notify($1, $2)"_s, {kExampleChannel, tenantId}));
    QTRY_COMPARE_WITH_TIMEOUT(page->changes, 1, 10000);
    QTest::qWait(200);
    QCOMPARE(page->changes, 1);

    // Another part of the console runs its command by id: the section is shown and the page
    // gets the argument.
    window.showSection(u"catalog"_s);
    QVERIFY(window.runCommand(u"example.show"_s, u"widget 42"_s));
    QCOMPARE(window.currentSection(), u"example"_s);
    QCOMPARE(page->text(), u"widget 42"_s);
    QVERIFY(!window.runCommand(u"example.nothing"_s));

    // The standard sections are installed alongside: Jobs as a tab of Provisioning.
    QVERIFY(window.sectionPage(u"jobs"_s));
    QVERIFY(window.sectionPage(u"provisioning"_s)->isAncestorOf(window.sectionPage(u"jobs"_s)));
    window.showSection(u"jobs"_s);
    QCOMPARE(window.currentSection(), u"provisioning"_s);
    QVERIFY(window.sectionPage(u"jobs"_s)->isVisible());
}

QTEST_MAIN(TestConsoleSectionRegistry)
#include "tst_console_section_registry.moc"
