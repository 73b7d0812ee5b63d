#include "cloudpod_finding_model.h"
#include "empty_section_page.h"
#include "main_window.h"
#include "navigation_model.h"
#include "provider_indicator.h"
#include "session_status_bar.h"
#include "sign_in_dialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using mp::MainWindow;
using mp::NavigationModel;
using mp::SignInDialog;
using Section = NavigationModel::Section;
using Field = SignInDialog::Field;

class TestConsoleMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void navigationModel();
    void showsAllSectionsAsEmptyPages();
    void navigationSwitchesPages();
    void sectionPageIsPluggable();
    void statusBarShowsSession();
    void signInDialogValidation();
    void signInDialogEmbedded();
    void signInDialogShowsServerError();
    void germanTranslation();
};

void TestConsoleMainWindow::navigationModel()
{
    NavigationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 12);
    const QStringList expected{u"Dashboard"_s,     u"Catalog"_s,      u"Customers"_s, u"Billing"_s,
                               u"Subscriptions"_s, u"Provisioning"_s, u"Domains"_s,   u"DNS"_s,
                               u"Email"_s,         u"SSL"_s,          u"Guardian"_s,  u"Monitoring"_s};
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data().toString(), expected.at(row));
        QCOMPARE(index.data(NavigationModel::SectionRole).toInt(), row);
        QVERIFY(!index.data(NavigationModel::SummaryRole).toString().isEmpty());
        QCOMPARE(NavigationModel::sectionAt(index), Section(row));
        QCOMPARE(model.indexOf(Section(row)), index);
    }
    QVERIFY(!model.indexOf(Section::Count).isValid());
    QCOMPARE(NavigationModel::sectionAt({}), Section::Count);
    QVERIFY(model.roleNames().contains(NavigationModel::SummaryRole));
}

void TestConsoleMainWindow::showsAllSectionsAsEmptyPages()
{
    MainWindow window;
    QCOMPARE(window.navigationView()->model()->rowCount(), 12);
    auto *pages = window.findChild<QStackedWidget *>(u"sectionPages"_s);
    QVERIFY(pages);
    QCOMPARE(pages->count(), 12);
    for (const Section section : NavigationModel::allSections()) {
        auto *page = qobject_cast<mp::EmptySectionPage *>(window.sectionPage(section));
        QVERIFY(page);
        QCOMPARE(page->title(), NavigationModel::title(section));
        QCOMPARE(page->summary(), NavigationModel::summary(section));
        QCOMPARE(page->emptyStateText(), u"Nothing is here yet."_s);
        // An empty state, not a list with rows in it.
        QVERIFY(page->findChildren<QAbstractItemView *>().isEmpty());
    }
    QCOMPARE(window.currentSection(), Section::Dashboard);
}

void TestConsoleMainWindow::navigationSwitchesPages()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pages = window.findChild<QStackedWidget *>(u"sectionPages"_s);
    QListView *list = window.navigationView();
    const QRect rect = list->visualRect(window.navigationModel()->indexOf(Section::Domains));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.currentSection(), Section::Domains);
    QCOMPARE(pages->currentWidget(), window.sectionPage(Section::Domains));

    window.showSection(Section::Monitoring);
    QCOMPARE(pages->currentWidget(), window.sectionPage(Section::Monitoring));
}

void TestConsoleMainWindow::sectionPageIsPluggable()
{
    MainWindow window;
    window.showSection(Section::Catalog);
    QPointer<QWidget> old = window.sectionPage(Section::Catalog);
    auto *real = new QLabel(u"catalog module"_s);
    window.setSectionPage(Section::Catalog, real);
    QCOMPARE(window.sectionPage(Section::Catalog), real);
    auto *pages = window.findChild<QStackedWidget *>(u"sectionPages"_s);
    QCOMPARE(pages->count(), 12);
    QCOMPARE(pages->currentWidget(), real);
    QCOMPARE(pages->indexOf(real), int(Section::Catalog));
    QTRY_VERIFY(old.isNull());
}

void TestConsoleMainWindow::statusBarShowsSession()
{
    MainWindow window;
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
    NavigationModel model;
    QCOMPARE(model.index(int(Section::Customers), 0).data().toString(), u"Kunden"_s);
    QCOMPARE(model.index(int(Section::Billing), 0).data().toString(), u"Abrechnung"_s);
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

QTEST_MAIN(TestConsoleMainWindow)
#include "tst_console_main_window.moc"
