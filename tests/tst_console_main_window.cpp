#include "cloudpod_finding_model.h"
#include "console_sections.h"
#include "empty_section_page.h"
#include "main_window.h"
#include "navigation_model.h"
#include "provider_indicator.h"
#include "session_status_bar.h"
#include "sign_in_dialog.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using mp::MainWindow;
using mp::NavigationModel;
using mp::SignInDialog;
using Field = SignInDialog::Field;

class TestConsoleMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void navigationModel();
    void navigationFollowsOrder();
    void sectionsDeclareTheirChannels();
    void showsAllSectionsAsEmptyPages();
    void navigationSwitchesPages();
    void sectionPageIsPluggable();
    void statusBarShowsSession();
    void signInDialogValidation();
    void signInDialogEmbedded();
    void signInDialogShowsServerError();
    void germanTranslation();
    void helpNeedsNoDisplay();
    void windowRemembersItsLayout();
    void signInDialogLaysOutWithoutOverlap_data();
    void signInDialogLaysOutWithoutOverlap();
};

void TestConsoleMainWindow::navigationModel()
{
    NavigationModel model(mp::consoleSections().navigation());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 14);
    const QStringList expected{u"Dashboard"_s,     u"Catalog"_s,       u"Customers"_s,    u"Billing"_s,
                               u"Notifications"_s, u"Subscriptions"_s, u"Provisioning"_s, u"Domains"_s,
                               u"DNS"_s,           u"Email"_s,         u"SSL"_s,          u"Guardian"_s,
                               u"Monitoring"_s,    u"Settings"_s};
    const QStringList ids{u"dashboard"_s,     u"catalog"_s,       u"customers"_s,    u"billing"_s,
                          u"notifications"_s, u"subscriptions"_s, u"provisioning"_s, u"domains"_s,
                          u"dns"_s,           u"email"_s,         u"ssl"_s,          u"guardian"_s,
                          u"monitoring"_s,    u"settings"_s};
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data().toString(), expected.at(row));
        QCOMPARE(index.data(NavigationModel::SectionRole).toString(), ids.at(row));
        QVERIFY(!index.data(NavigationModel::SummaryRole).toString().isEmpty());
        QVERIFY(!index.data(Qt::DecorationRole).isValid());
        QCOMPARE(model.sectionAt(index), ids.at(row));
        QCOMPARE(model.indexOf(ids.at(row)), index);
    }
    // Jobs is a tab of Provisioning, not a row.
    QVERIFY(!model.indexOf(u"jobs"_s).isValid());
    QVERIFY(!model.indexOf(u"nowhere"_s).isValid());
    QCOMPARE(model.sectionAt({}), QString());
    QVERIFY(model.roleNames().contains(NavigationModel::SummaryRole));
}

void TestConsoleMainWindow::navigationFollowsOrder()
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::red);
    NavigationModel model({{u"late"_s, u"Late"_s, u"Last."_s, {}, 300},
                           {u"early"_s, u"Early"_s, u"First."_s, QIcon(pixmap), 100},
                           {u"tie"_s, u"Tie"_s, u"Same order as late, added after it."_s, {}, 300}});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.sectionAt(model.index(0, 0)), u"early"_s);
    QCOMPARE(model.sectionAt(model.index(1, 0)), u"late"_s);
    QCOMPARE(model.sectionAt(model.index(2, 0)), u"tie"_s);
    QVERIFY(model.index(0, 0).data(Qt::DecorationRole).canConvert<QIcon>());
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), u"First."_s);
}

void TestConsoleMainWindow::sectionsDeclareTheirChannels()
{
    const mp::ConsoleSections sections = mp::consoleSections();
    // The channels migrations 0008, 0011 to 0015, 0017, 0018, 0026 to 0028, 0030 and 0035 notify on, each
    // listened to once.
    const QStringList expected{u"mpanel_changed_products"_s,
                               u"mpanel_changed_cloudpod_templates"_s,
                               u"mpanel_changed_customers"_s,
                               u"mpanel_changed_orders"_s,
                               u"mpanel_changed_invoices"_s,
                               u"mpanel_changed_subscriptions"_s,
                               u"mpanel_changed_payments"_s,
                               u"mpanel_changed_jobs"_s,
                               u"mpanel_changed_job_log"_s,
                               u"mpanel_changed_cloud_pods"_s,
                               u"mpanel_changed_node_allocations"_s,
                               u"mpanel_changed_cloudpod_findings"_s,
                               u"mpanel_changed_dns_zones"_s,
                               u"mpanel_changed_dns_rrsets"_s,
                               u"mpanel_changed_email_outbox"_s,
                               u"mpanel_changed_domains"_s,
                               u"mpanel_changed_monitoring"_s,
                               u"mpanel_changed_ssl_certificates"_s,
                               u"mpanel_changed_mail"_s,
                               u"mpanel_changed_guardian"_s};
    QStringList channels = sections.channels();
    QCOMPARE(channels.removeDuplicates(), 0);
    channels.sort();
    QStringList sorted = expected;
    sorted.sort();
    QCOMPARE(channels, sorted);
    QCOMPARE(sections.find(u"jobs"_s)->host, u"provisioning"_s);
    QCOMPARE(sections.offering(u"subscriptions.open"_s), sections.find(u"subscriptions"_s));
    QVERIFY(!sections.offering(u"nothing.here"_s));
}

void TestConsoleMainWindow::showsAllSectionsAsEmptyPages()
{
    MainWindow window(mp::consoleSections());
    QCOMPARE(window.navigationView()->model()->rowCount(), 14);
    auto *pages = window.findChild<QStackedWidget *>(u"sectionPages"_s);
    QVERIFY(pages);
    QCOMPARE(pages->count(), 14);
    for (const mp::NavigationEntry &entry : window.navigationModel()->entries()) {
        auto *page = qobject_cast<mp::EmptySectionPage *>(window.sectionPage(entry.id));
        QVERIFY(page);
        QCOMPARE(page->title(), entry.title);
        QCOMPARE(page->summary(), entry.summary);
        QCOMPARE(page->emptyStateText(), u"Nothing is here yet."_s);
        // An empty state, not a list with rows in it.
        QVERIFY(page->findChildren<QAbstractItemView *>().isEmpty());
    }
    QCOMPARE(window.currentSection(), u"dashboard"_s);
    // Nothing offers a command before the pages are there.
    QVERIFY(!window.runCommand(u"subscriptions.open"_s, u"x"_s));
}

void TestConsoleMainWindow::navigationSwitchesPages()
{
    MainWindow window(mp::consoleSections());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pages = window.findChild<QStackedWidget *>(u"sectionPages"_s);
    QListView *list = window.navigationView();
    const QRect rect = list->visualRect(window.navigationModel()->indexOf(u"domains"_s));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.currentSection(), u"domains"_s);
    QCOMPARE(pages->currentWidget(), window.sectionPage(u"domains"_s));

    window.showSection(u"monitoring"_s);
    QCOMPARE(pages->currentWidget(), window.sectionPage(u"monitoring"_s));
}

void TestConsoleMainWindow::sectionPageIsPluggable()
{
    MainWindow window(mp::consoleSections());
    window.showSection(u"catalog"_s);
    QPointer<QWidget> old = window.sectionPage(u"catalog"_s);
    auto *real = new QLabel(u"catalog module"_s);
    window.setSectionPage(u"catalog"_s, real);
    QCOMPARE(window.sectionPage(u"catalog"_s), real);
    auto *pages = window.findChild<QStackedWidget *>(u"sectionPages"_s);
    QCOMPARE(pages->count(), 14);
    QCOMPARE(pages->currentWidget(), real);
    QCOMPARE(pages->indexOf(real), window.navigationModel()->indexOf(u"catalog"_s).row());
    QTRY_VERIFY(old.isNull());
}

void TestConsoleMainWindow::statusBarShowsSession()
{
    MainWindow window(mp::consoleSections());
    mp::SessionStatusBar *status = window.sessionStatusBar();
    QCOMPARE(status->connectionText(), u"Not signed in"_s);

    mp::SessionInfo info;
    info.login = u"anna"_s;
    info.tenantId = u"2b1f3c1e-0000-4000-8000-000000000001"_s;
    info.tenantName = u"Acme Hosting"_s;
    info.role = mp::StaffRole::Billing;
    info.serverDescription = u"anna@db.example:5432/mpanel"_s;
    status->showSignedIn(info);
    QCOMPARE(status->connectionText(), u"Connected: anna@db.example:5432/mpanel"_s);
    QCOMPARE(status->tenantText(), u"Tenant: Acme Hosting"_s);
    QCOMPARE(status->roleText(), u"Role: Billing"_s);

    info.embedded = true;
    status->showSignedIn(info);
    QCOMPARE(status->connectionText(), u"Connected: embedded database"_s);

    status->showReconnecting(2, 2000);
    QCOMPARE(status->connectionText(), u"Reconnecting…"_s);
    QVERIFY(status->currentMessage().contains(u"attempt 2"_s));
    QCOMPARE(status->tenantText(), u"Tenant: Acme Hosting"_s);

    status->showSignedOut();
    QCOMPARE(status->connectionText(), u"Not signed in"_s);
    QVERIFY(status->tenantText().isEmpty());
}

void TestConsoleMainWindow::signInDialogValidation()
{
    SignInDialog dialog;
    QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
    mp::SignInRequest blank;
    blank.database.clear();
    dialog.setRequest(blank);

    dialog.submit();
    QCOMPARE(requested.size(), 0);
    QVERIFY(!dialog.fieldError(Field::Host).isEmpty());
    QVERIFY(!dialog.fieldError(Field::Database).isEmpty());
    QVERIFY(!dialog.fieldError(Field::Login).isEmpty());
    QVERIFY(!dialog.fieldError(Field::Password).isEmpty());
    QVERIFY(dialog.fieldError(Field::Port).isEmpty());
    QVERIFY(dialog.findChild<QLabel *>(u"loginError"_s)->isVisibleTo(&dialog));

    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"host"_s), u"db.example"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"database"_s), u"mpanel"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"login"_s), u"anna"_s);
    dialog.submit();
    QCOMPARE(requested.size(), 0);
    QVERIFY(dialog.fieldError(Field::Host).isEmpty());
    QVERIFY(dialog.fieldError(Field::Login).isEmpty());
    QVERIFY(!dialog.fieldError(Field::Password).isEmpty());

    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"login"_s), QString(70, u'x'));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"password"_s), u"secret"_s);
    dialog.submit();
    QCOMPARE(requested.size(), 0);
    QVERIFY(!dialog.fieldError(Field::Login).isEmpty());

    dialog.findChild<QLineEdit *>(u"login"_s)->setText(u"anna"_s);
    dialog.submit();
    QCOMPARE(requested.size(), 1);
    const auto request = requested.at(0).at(0).value<mp::SignInRequest>();
    QCOMPARE(request.host, u"db.example"_s);
    QCOMPARE(request.port, 5432);
    QCOMPARE(request.database, u"mpanel"_s);
    QCOMPARE(request.login, u"anna"_s);
    QCOMPARE(request.password, u"secret"_s);
    QVERIFY(!request.embedded);
    QVERIFY(dialog.isBusy());
    // A second click while the server answers does not send a second request.
    dialog.submit();
    QCOMPARE(requested.size(), 1);
}

void TestConsoleMainWindow::signInDialogEmbedded()
{
    SignInDialog dialog;
    QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
    dialog.setEmbeddedAvailable(true);
    mp::SignInRequest prefill;
    prefill.embedded = true;
    prefill.host.clear();
    prefill.login = u"owner"_s;
    prefill.password = u"pw"_s;
    dialog.setRequest(prefill);
    QVERIFY(!dialog.findChild<QLineEdit *>(u"host"_s)->isEnabled());
    dialog.submit();
    QCOMPARE(requested.size(), 1);
    QVERIFY(requested.at(0).at(0).value<mp::SignInRequest>().embedded);
    QCOMPARE(requested.at(0).at(0).value<mp::SignInRequest>().keychainKey(), u"owner@embedded"_s);

    // Without an embedded database the choice is not offered and the server fields count.
    dialog.setEmbeddedAvailable(false);
    QVERIFY(!dialog.request().embedded);
    QVERIFY(dialog.findChild<QLineEdit *>(u"host"_s)->isEnabled() || dialog.isBusy());
}

void TestConsoleMainWindow::signInDialogShowsServerError()
{
    SignInDialog dialog;
    dialog.setBusy(true);
    dialog.setBusy(false);
    dialog.showServerError(u"password authentication failed for user \"anna\""_s);
    QCOMPARE(dialog.serverError(), u"password authentication failed for user \"anna\""_s);
    QVERIFY(dialog.findChild<QLabel *>(u"serverError"_s)->isVisibleTo(&dialog));
    dialog.showNote(u"No keychain is available."_s);
    QVERIFY(dialog.findChild<QLabel *>(u"note"_s)->isVisibleTo(&dialog));
    dialog.showServerError({});
    QVERIFY(!dialog.findChild<QLabel *>(u"serverError"_s)->isVisibleTo(&dialog));
}

void TestConsoleMainWindow::germanTranslation()
{
    QTranslator translator;
    QVERIFY2(translator.load(u"mpanel_de"_s, QStringLiteral(MPANEL_QM_DIR)), MPANEL_QM_DIR);
    QApplication::installTranslator(&translator);
    NavigationModel model(mp::consoleSections().navigation());
    QCOMPARE(model.indexOf(u"customers"_s).data().toString(), u"Kunden"_s);
    QCOMPARE(model.indexOf(u"billing"_s).data().toString(), u"Abrechnung"_s);
    // --section takes the id or the English name under any locale, and the name as shown.
    for (const QString &name : {u"Billing"_s, u"billing"_s, u"BILLING"_s, u"Abrechnung"_s})
        QCOMPARE(model.sectionFor(name), u"billing"_s);
    QCOMPARE(model.sectionFor(u"Customers"_s), u"customers"_s);
    QCOMPARE(model.sectionFor(u"Nowhere"_s), QString());
    SignInDialog dialog;
    QCOMPARE(dialog.windowTitle(), u"Bei mPanel anmelden"_s);
    mp::EmptySectionPage page(u"x"_s, u"y"_s);
    QCOMPARE(page.emptyStateText(), u"Hier ist noch nichts."_s);
    // Strings from the models and the section pages in views/<section>/ are in the catalogue too.
    QCOMPARE(mp::CloudPodFindingModel::kindTitle(u"orphan_guest"_s), u"Verwaister Gast"_s);
    mp::providers::ProviderStatus stripe;
    stripe.mode = u"test"_s;
    QCOMPARE(mp::ProviderIndicator::paymentNote(stripe),
             u"Stripe-Testmodus — nur Testkarten, keine echten Zahlungen"_s);
    QCOMPARE(QCoreApplication::translate("mp::InvoiceDetailDialog", "P&rint…"), u"&Drucken…"_s);
    QApplication::removeTranslator(&translator);
}

void TestConsoleMainWindow::signInDialogLaysOutWithoutOverlap_data()
{
    QTest::addColumn<bool>("embedded");
    QTest::addColumn<bool>("withError");
    QTest::newRow("server") << false << false;
    QTest::newRow("embedded offered") << true << false;
    QTest::newRow("embedded offered, with an error") << true << true;
}

// The report's case: the connection options overlapped. At 1366x768 (offscreen), no two visible
// widgets of the dialog share a pixel; the PNGs are saved beside the tests to look at.
void TestConsoleMainWindow::signInDialogLaysOutWithoutOverlap()
{
    QFETCH(bool, embedded);
    QFETCH(bool, withError);
    QWidget screen;
    screen.resize(1366, 768);
    screen.show();
    // As the console shows it: opened, then told what it offers and, after a failed sign-in,
    // what went wrong (a long server message wraps over several lines).
    SignInDialog dialog(&screen);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setEmbeddedAvailable(embedded);
    if (withError) {
        dialog.submit(); // no login, no password: their errors show under them
        dialog.showServerError(
            u"Sign-in failed: connection to server on socket \"/tmp/mpanel/.s.PGSQL.5432\" "
            "failed: FATAL:  password authentication failed for user \"anna\"; the server "
            "may also be refusing connections from this address."_s);
    }
    QTest::qWait(100);
    // Every label, button and field as the dialog places it (a spin box's own line edit is part of it).
    QList<QWidget *> shown;
    const auto children = dialog.findChildren<QWidget *>();
    for (QWidget *w : children) {
        const bool leaf = qobject_cast<QLabel *>(w) || qobject_cast<QAbstractButton *>(w) ||
                          qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w);
        if (leaf && w->isVisible() && !qobject_cast<QAbstractSpinBox *>(w->parentWidget()) &&
            w->width() > 0 && w->height() > 0)
            shown << w;
    }
    const auto placed = [&dialog](QWidget *w) { return QRect(w->mapTo(&dialog, QPoint(0, 0)), w->size()); };
    QVERIFY(shown.size() >= 8);
    for (int i = 0; i < shown.size(); ++i)
        for (int j = i + 1; j < shown.size(); ++j)
            QVERIFY2(!placed(shown[i]).intersects(placed(shown[j])),
                     qPrintable(u"%1 %2 overlaps %3 %4"_s.arg(
                         shown[i]->objectName(), QString::fromLatin1(shown[i]->metaObject()->className()),
                         shown[j]->objectName(), QString::fromLatin1(shown[j]->metaObject()->className()))));
    QVERIFY(dialog.grab().save(u"%1/sign-in-dialog-%2.png"_s.arg(
        QCoreApplication::applicationDirPath(),
        QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').remove(u','))));
}

// Size, position and the navigation's width come back at the next start; the first start fits
// a 1366x768 screen.
void TestConsoleMainWindow::windowRemembersItsLayout()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"console.ini"_s), QSettings::IniFormat);
    {
        MainWindow first(mp::consoleSections());
        first.rememberLayout(&settings);
        QVERIFY(first.width() <= first.screen()->availableGeometry().width());
        QVERIFY(first.height() <= first.screen()->availableGeometry().height());
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(900, 600);
        first.findChild<QSplitter *>(u"mainSplitter"_s)->setSizes({260, 640});
        QTest::qWait(50);
        first.close();
    }
    MainWindow again(mp::consoleSections());
    again.rememberLayout(&settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(900, 600));
    QCOMPARE(again.findChild<QSplitter *>(u"mainSplitter"_s)->sizes().first(), 260);
}

// `mpanel --help` prints its options on a machine without a display instead of failing to
// load a platform plugin.
void TestConsoleMainWindow::helpNeedsNoDisplay()
{
    QProcess console;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    console.setProcessEnvironment(env);
    console.start(QStringLiteral(MPANEL_CONSOLE_BINARY), {u"--help"_s});
    QVERIFY(console.waitForFinished(30000));
    const QString out = QString::fromUtf8(console.readAllStandardOutput());
    QCOMPARE(console.exitCode(), 0);
    QVERIFY2(out.contains(u"--section"_s),
             qPrintable(out + QString::fromUtf8(console.readAllStandardError())));
}

QTEST_MAIN(TestConsoleMainWindow)
#include "tst_console_main_window.moc"
