// The console's Settings page against a real database: it shows the stored company and tax
// settings, saves them through the same service as PUT /api/billing/settings (the invoice that
// follows reads them), refuses bad input next to the field, adds and removes tax rates, and is
// refused for roles the role matrix refuses; the tax rate model passes QAbstractItemModelTester.
#include "billing/invoice_issue_context.h"
#include "common/country_picker.h"
#include "settings/settings_page.h"
#include "support/console_fixture.h"
#include "tax_rate_table_model.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mp;
using mp::test::ConsoleFixture;

namespace {

QString one(ConsoleFixture &f, const QString &text)
{
    auto q = sql::exec(f.service, text);
    if (!q || !q->next())
        qFatal("%s", q ? "no row" : qPrintable(q.error().message));
    return q->value(0).toString();
}

bool loaded(SettingsPage &page)
{
    QSignalSpy spy(&page, &SettingsPage::loaded);
    return spy.wait(20000);
}

} // namespace

class TestConsoleSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void taxRateModelPassesTheTester()
    {
        TaxRateTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setRates({{u"a"_s, {QString(), u"VAT"_s, 190000, QDate(1970, 1, 1), QDate()}},
                        {u"b"_s, {u"DE"_s, u"USt."_s, 75000, QDate(2026, 1, 1), QDate(2027, 1, 1)}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, TaxRateTableModel::RateColumn).data().toString(), u"19 %"_s);
        QCOMPARE(model.index(1, TaxRateTableModel::RateColumn).data().toString(), u"7.5 %"_s);
        QCOMPARE(model.index(0, TaxRateTableModel::ValidFromColumn).data().toString(), u"Always"_s);
        QCOMPARE(model.index(0, TaxRateTableModel::ValidToColumn).data().toString(), u"Open-ended"_s);
        // The last day it applies, not the first day it does not.
        QCOMPARE(model.index(1, TaxRateTableModel::ValidToColumn).data().toString(),
                 QLocale().toString(QDate(2026, 12, 31), QLocale::ShortFormat));
        QCOMPARE(model.index(1, 0).data(IdRole).toString(), u"b"_s);
        model.setRates({});
        QCOMPARE(model.rowCount(), 0);
    }

    void savedSettingsReachTheNextInvoice()
    {
        ConsoleFixture f(StaffRole::Owner);
        SettingsPage page(f.session.get());
        QVERIFY(loaded(page));
        QCOMPARE(page.findChild<QLineEdit *>(u"sellerName"_s)->text(), u"Acme Hosting"_s);
        page.findChild<QLineEdit *>(u"sellerName"_s)->setText(u"Acme Hosting GmbH"_s);
        page.findChild<QPlainTextEdit *>(u"sellerAddress"_s)->setPlainText(u"Hafenstr. 5\n20457 Hamburg"_s);
        page.findChild<QLineEdit *>(u"sellerTaxId"_s)->setText(u"DE123456789"_s);
        page.findChild<QSpinBox *>(u"paymentTerms"_s)->setValue(21);

        QTemporaryDir dir;
        QImage logo(30, 10, QImage::Format_RGB32);
        logo.fill(Qt::red);
        const QString logoPath = dir.filePath(u"logo.png"_s);
        QVERIFY(logo.save(logoPath));
        QVERIFY(page.chooseLogoFile(logoPath));

        QSignalSpy saved(&page, &SettingsPage::saved);
        QTest::mouseClick(page.findChild<QPushButton *>(u"saveCompanySettings"_s), Qt::LeftButton);
        QVERIFY(saved.wait(20000));
        QVERIFY2(saved.first().first().toBool(), qPrintable(page.errors().textOf(QString())));
        QCOMPARE(one(f, u"SELECT seller_name || '|' || seller_tax_id || '|' || payment_terms_days || '|' || "
                        "logo_type FROM billing_settings"_s),
                 u"Acme Hosting GmbH|DE123456789|21|image/png"_s);

        // A rate for German buyers, typed as staff type it.
        page.findChild<CountryPicker *>(u"rateCountry"_s)->setCode(u"DE"_s);
        page.findChild<QLineEdit *>(u"rateName"_s)->setText(u"USt."_s);
        page.findChild<QLineEdit *>(u"rateValue"_s)->setText(u"19"_s);
        QSignalSpy added(&page, &SettingsPage::rateAdded);
        QTest::mouseClick(page.findChild<QPushButton *>(u"addTaxRate"_s), Qt::LeftButton);
        QVERIFY(added.wait(20000));
        QVERIFY2(added.first().first().toBool(), qPrintable(page.rateErrors().textOf(u"rate"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(page.rates()->rowCount(), 1, 20000);

        // The next invoice to a German customer reads all of it.
        const customers::Customer c = f.addCustomer(u"Greta"_s, u"greta@example.de"_s);
        auto ctx = f.asService([&](TenantTransaction &tx) {
            return billing::InvoiceIssueContext::load(tx, c.id, QDateTime::currentDateTimeUtc());
        });
        QCOMPARE(ctx->tax.ratePpm, 190000);
        QCOMPARE(ctx->settings.sellerSnapshot().value(u"address"_s).toString(),
                 u"Hafenstr. 5\n20457 Hamburg"_s);
        QCOMPARE(ctx->settings.paymentTermsDays, 21);

        // And the rate goes again.
        page.ratesView()->selectRow(0);
        QSignalSpy removed(&page, &SettingsPage::rateRemoved);
        QTest::mouseClick(page.findChild<QPushButton *>(u"removeTaxRate"_s), Qt::LeftButton);
        QVERIFY(removed.wait(20000));
        QVERIFY(removed.first().first().toBool());
        QCOMPARE(one(f, u"SELECT count(*) FROM tax_rates"_s), u"0"_s);
    }

    void badInputIsShownAtTheField()
    {
        ConsoleFixture f;
        SettingsPage page(f.session.get());
        QVERIFY(loaded(page));
        const QString before = one(f, u"SELECT row(s.*)::text FROM billing_settings s"_s);
        page.findChild<QLineEdit *>(u"invoiceNumberFormat"_s)->setText(u"INV-{NNNN}"_s);
        QSignalSpy saved(&page, &SettingsPage::saved);
        page.save();
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toBool(), false);
        QCOMPARE(page.errors().shownField(), u"invoice_number_format"_s);
        QVERIFY(!page.errors().textOf(u"invoice_number_format"_s).isEmpty());
        QCOMPARE(one(f, u"SELECT row(s.*)::text FROM billing_settings s"_s), before);

        page.findChild<QLineEdit *>(u"rateName"_s)->setText(u"VAT"_s);
        page.findChild<QLineEdit *>(u"rateValue"_s)->setText(u"nineteen"_s);
        QSignalSpy added(&page, &SettingsPage::rateAdded);
        page.addRate();
        QVERIFY(added.wait(20000));
        QCOMPARE(added.first().first().toBool(), false);
        QCOMPARE(page.rateErrors().shownField(), u"rate"_s);
        QCOMPARE(one(f, u"SELECT count(*) FROM tax_rates"_s), u"0"_s);
    }

    // German staff type 7,5 for seven and a half percent.
    void germanDecimalRate()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        ConsoleFixture f;
        SettingsPage page(f.session.get());
        QVERIFY(loaded(page));
        page.findChild<QLineEdit *>(u"rateName"_s)->setText(u"USt."_s);
        page.findChild<QLineEdit *>(u"rateValue"_s)->setText(u"7,5"_s);
        QCOMPARE(page.rateBody().value(u"rate"_s).toString(), u"7.5"_s);
        QSignalSpy added(&page, &SettingsPage::rateAdded);
        page.addRate();
        QVERIFY(added.wait(20000));
        QVERIFY(added.first().first().toBool());
        QCOMPARE(one(f, u"SELECT rate_ppm FROM tax_rates"_s), u"75000"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page.rates()->rowCount(), 1, 20000);
        QCOMPARE(page.rates()->index(0, TaxRateTableModel::RateColumn).data().toString(), u"7,5 %"_s);
        QLocale::setDefault(QLocale::c());
    }

    void rolesThatMayNotAreRefused_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("billing") << int(StaffRole::Billing);
        QTest::newRow("support") << int(StaffRole::Support);
        QTest::newRow("read_only") << int(StaffRole::ReadOnly);
    }
    void rolesThatMayNotAreRefused()
    {
        QFETCH(int, role);
        ConsoleFixture f{StaffRole(role)};
        SettingsPage page(f.session.get());
        QVERIFY(loaded(page));
        const QString before = one(f, u"SELECT row(s.*)::text FROM billing_settings s"_s);
        page.findChild<QLineEdit *>(u"sellerName"_s)->setText(u"Hijacked"_s);
        QSignalSpy saved(&page, &SettingsPage::saved);
        page.save();
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toBool(), false);
        QVERIFY(page.errors().textOf(QString()).contains(u"may not"_s) ||
                page.errors().textOf(QString()).contains(u"read-only"_s));
        QCOMPARE(one(f, u"SELECT row(s.*)::text FROM billing_settings s"_s), before);
    }
};

QTEST_MAIN(TestConsoleSettings)
#include "tst_console_settings.moc"
