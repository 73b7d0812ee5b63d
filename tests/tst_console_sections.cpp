#include "billing/billing_page.h"
#include "billing/checkout.h"
#include "billing/invoice_detail_dialog.h"
#include "catalog/catalog_page.h"
#include "catalog/product_dialog.h"
#include "catalog/products.h"
#include "catalog_commands.h"
#include "cloudpod_template_model.h"
#include "common/country_picker.h"
#include "common/lazy_table_view.h"
#include "console_sections.h"
#include "console_session/change_feed.h"
#include "core/clock.h"
#include "country_list_model.h"
#include "customer_table_model.h"
#include "customers/customer_detail_page.h"
#include "customers/customer_dialog.h"
#include "customers/customers_page.h"
#include "db/sql.h"
#include "emulators/stripe_emulator.h"
#include "invoice_table_model.h"
#include "order_table_model.h"
#include "payment_commands.h"
#include "payment_list_model.h"
#include "payments/stripe_webhook.h"
#include "product_table_model.h"
#include "service/service_modules.h"
#include "stripe/stripe_signature.h"
#include "subscription_commands.h"
#include "subscription_table_model.h"
#include "subscriptions/subscriptions_page.h"
#include "support/console_fixture.h"
#include "tld_price_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using mp::ChangeFeed;
using mp::TenantTransaction;
using mp::test::ConsoleFixture;

namespace {

void selectData(QComboBox *box, const QString &value)
{
    box->setCurrentIndex(box->findData(value));
}

mp::catalog::Product addProduct(ConsoleFixture &f, const QString &name)
{
    mp::catalog::ProductDraft d;
    d.type = u"email"_s;
    d.name = name;
    const auto eur = *mp::Currency::fromCode(u"EUR"_s);
    d.prices = QList<mp::catalog::CyclePrice>{{u"monthly"_s, mp::Money(1000, eur), mp::Money(0, eur)}};
    return *f.asService([&](TenantTransaction &tx) { return mp::catalog::Products::create(tx, d); });
}

QString placeOrder(ConsoleFixture &f, const QString &customerId, const QString &productId)
{
    mp::billing::CheckoutRequest r;
    r.customerId = customerId;
    r.productId = productId;
    r.cycle = u"monthly"_s;
    r.byStaff = true;
    r.placedBy = u"staff"_s;
    auto placed = f.asService([&](TenantTransaction &tx) {
        return mp::billing::Checkout::place(tx, r, mp::Clock::current().now());
    });
    return placed->invoice.id;
}

void markPaid(ConsoleFixture &f, const QString &invoiceId)
{
    mp::billing::StatusChange paid;
    paid.to = mp::billing::InvoiceStatus::Paid;
    paid.reason = u"test"_s;
    paid.actor = u"test"_s;
    paid.paymentMethod = u"bank_transfer"_s;
    paid.paymentReference = u"REF"_s;
    (void)f.asService([&](TenantTransaction &tx) {
        return mp::billing::Invoices::changeStatus(tx, invoiceId, paid, mp::Clock::current().now());
    });
}

} // namespace

class TestConsoleSections : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The dialogs offer what the modules declare (product types), as in the console's main().
    void initTestCase() { mp::installServiceModules(); }
    void productDialogRefusesWhatTheApiRefuses();
    void productDialogShowsServiceErrorsAndSaves();
    void deleteSaysRetiredOrDeleted();
    void customerDialogShowsFieldErrorsAndSaves();
    void customerDetailShowsProfileAndInvoices();
    void billingTotalsAndInvoiceActions();
    void subscriptionDetailAndActions();
    void payOnlineAndRefund();
    void payOnlineOnTheSandboxSaysNoRealMoney();
    void openInvoiceFollowsTheChangeFeed();
    void countryPickerStoresTheCountryNamed();
    void subscriptionSelectionFollowsItsRow();
};

void TestConsoleSections::productDialogRefusesWhatTheApiRefuses()
{
    mp::ProductDialog dialog({});
    QSignalSpy save(&dialog, &mp::ProductDialog::saveRequested);
    selectData(dialog.typeBox(), u"email"_s);
    dialog.nameEdit()->setText(u"Mailbox"_s);

    dialog.addPriceRow(u"monthly"_s, u"EUR"_s, u"-1.00"_s);
    dialog.submit();
    QCOMPARE(save.size(), 0);
    QVERIFY(dialog.errors().textOf(u"prices"_s).contains(u"negative"_s));

    dialog.pricesTable()->item(0, 2)->setText(u"4.99"_s);
    dialog.pricesTable()->item(0, 1)->setText(u"EURO"_s);
    dialog.submit();
    QCOMPARE(save.size(), 0);
    QVERIFY(dialog.errors().textOf(u"prices"_s).contains(u"ISO 4217"_s));

    dialog.pricesTable()->item(0, 1)->setText(u"EUR"_s);
    dialog.pricesTable()->item(0, 0)->setText(u"weekly"_s);
    dialog.submit();
    QCOMPARE(save.size(), 0);
    QVERIFY(dialog.errors().textOf(u"prices"_s).contains(u"monthly"_s));

    dialog.pricesTable()->item(0, 0)->setText(u"monthly"_s);
    dialog.submit();
    QCOMPARE(save.size(), 1);
    QVERIFY(dialog.errors().textOf(u"prices"_s).isEmpty());
    const auto draft = save.first().at(1).value<mp::catalog::ProductDraft>();
    QCOMPARE(draft.prices->first().amount.minorAmount(), 499);
}

void TestConsoleSections::productDialogShowsServiceErrorsAndSaves()
{
    ConsoleFixture f;
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, mp::consoleSections().channels());
    QVERIFY(listening.wait(20000));
    mp::CatalogPage page(f.session.get(), &feed);
    QTRY_COMPARE_WITH_TIMEOUT(page.templates()->rowCount(), 4, 20000);

    page.newProduct();
    auto *dialog = page.findChild<mp::ProductDialog *>();
    QVERIFY(dialog);
    selectData(dialog->typeBox(), u"domain"_s);
    dialog->nameEdit()->setText(u".shop domains"_s);
    dialog->tldEdit()->setText(u"shop"_s);
    dialog->addDomainPriceRow(u"renew"_s, 1, u"EUR"_s, u"30.00"_s);
    dialog->submit();
    // The rule lives in the service (Products::validate): a domain needs a register price.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errors().textOf(u"domain_prices"_s).isEmpty(), 10000);
    QVERIFY(dialog->errors().textOf(u"domain_prices"_s).contains(u"register"_s));
    QVERIFY(dialog->isVisible());

    dialog->addDomainPriceRow(u"register"_s, 1, u"EUR"_s, u"25.00"_s);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);
    // The new product shows through the change feed, without a manual refresh.
    QTRY_COMPARE_WITH_TIMEOUT(page.products()->rowCount(), 1, 10000);
    QCOMPARE(page.products()->index(0, mp::ProductTableModel::Name).data().toString(), u".shop domains"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.tldPrices()->rowCount(), 2, 10000);

    // A CloudPod product with a template chosen from the tenant's own.
    page.newProduct();
    QTRY_VERIFY(page.findChildren<mp::ProductDialog *>().size() >= 1);
    dialog = page.findChildren<mp::ProductDialog *>().last();
    selectData(dialog->typeBox(), u"cloudpod"_s);
    dialog->nameEdit()->setText(u"CloudPod Pro"_s);
    dialog->templateBox()->setCurrentIndex(1);
    dialog->addPriceRow(u"monthly"_s, u"EUR"_s, u"19.00"_s, u"5.00"_s);
    QSignalSpy accepted2(dialog, &QDialog::accepted);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted2.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.products()->rowCount(), 2, 10000);
}

void TestConsoleSections::deleteSaysRetiredOrDeleted()
{
    ConsoleFixture f;
    const auto ordered = addProduct(f, u"Ordered"_s);
    const auto fresh = addProduct(f, u"Fresh"_s);
    const auto customer = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    placeOrder(f, customer.id, ordered.id);
    QObject context;
    std::optional<mp::Result<mp::catalog::RemoveOutcome>> a, b;
    mp::commands::removeProduct(f.session.get(), &context, ordered.id, [&](const auto &r) { a = r; });
    mp::commands::removeProduct(f.session.get(), &context, fresh.id, [&](const auto &r) { b = r; });
    QTRY_VERIFY_WITH_TIMEOUT(a && b, 10000);
    QVERIFY(*a && **a == mp::catalog::RemoveOutcome::Retired);
    QVERIFY(*b && **b == mp::catalog::RemoveOutcome::Deleted);
}

void TestConsoleSections::customerDialogShowsFieldErrorsAndSaves()
{
    ConsoleFixture f;
    f.addCustomer(u"Taken"_s, u"taken@example.test"_s);
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, mp::consoleSections().channels());
    QVERIFY(listening.wait(20000));
    mp::CustomersPage page(f.session.get(), &feed);
    QTRY_COMPARE_WITH_TIMEOUT(page.customers()->rowCount(), 1, 20000);

    page.newCustomer();
    auto *dialog = page.findChild<mp::CustomerDialog *>();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(u"Bob Builder"_s);
    dialog->emailEdit()->setText(u"not-an-email"_s);
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errors().textOf(u"email"_s).isEmpty(), 10000);

    dialog->emailEdit()->setText(u"TAKEN@example.test"_s);
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errors().textOf(u"email"_s).contains(u"already"_s), 10000);

    dialog->emailEdit()->setText(u"bob@example.test"_s);
    dialog->countryEdit()->setText(u"XX"_s);
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errors().textOf(u"country"_s).isEmpty(), 10000);
    QVERIFY(dialog->errors().textOf(u"email"_s).isEmpty());

    dialog->countryEdit()->setText(u"Germany"_s);
    dialog->cityEdit()->setText(QString(101, u'x'));
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errors().textOf(u"address.city"_s).isEmpty(), 10000);

    dialog->cityEdit()->setText(u"Berlin"_s);
    // The mail's language: English although the country would say German.
    QCOMPARE(dialog->languageCombo()->currentData().toString(), QString());
    dialog->languageCombo()->setCurrentIndex(dialog->languageCombo()->findData(u"en"_s));
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.customers()->rowCount(), 2, 10000);
    QCOMPARE(f.asService([&](TenantTransaction &tx) -> mp::Result<QString> {
                  auto q = mp::sql::exec(
                      tx.db(),
                      u"SELECT country || '/' || language FROM customers WHERE email = 'bob@example.test'"_s);
                  if (!q)
                      return q.error();
                  q->next();
                  return q->value(0).toString();
              }).value(),
             u"DE/en"_s);

    // Server-side search through the search box.
    page.searchEdit()->setText(u"build"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.customers()->rowCount(), 1, 10000);
    QCOMPARE(page.customers()->index(0, mp::CustomerTableModel::Email).data().toString(),
             u"bob@example.test"_s);
}

void TestConsoleSections::customerDetailShowsProfileAndInvoices()
{
    ConsoleFixture f;
    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const auto bob = f.addCustomer(u"Bob"_s, u"bob@example.test"_s);
    placeOrder(f, alice.id, product.id);
    placeOrder(f, bob.id, product.id);
    ChangeFeed feed;
    mp::CustomersPage page(f.session.get(), &feed);
    page.showCustomer(alice.id);
    QTRY_COMPARE_WITH_TIMEOUT(page.detail()->invoices()->rowCount(), 1, 10000);
    QCOMPARE(page.detail()->invoices()->rowAt(0).invoice.customerId, alice.id);
    QVERIFY(page.detail()->placeholder(u"cloudpods"_s));
    QVERIFY(page.detail()->placeholder(u"domains"_s));
}

void TestConsoleSections::billingTotalsAndInvoiceActions()
{
    ConsoleFixture f;
    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const QString invoiceId = placeOrder(f, alice.id, product.id);
    placeOrder(f, alice.id, product.id);
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, mp::consoleSections().channels());
    QVERIFY(listening.wait(20000));
    mp::BillingPage page(f.session.get(), &feed);
    QSignalSpy totals(&page, &mp::BillingPage::totalsUpdated);
    QTRY_COMPARE_WITH_TIMEOUT(page.invoices()->rowCount(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(totals.size() >= 1, 10000);
    auto *footer = page.invoicesView()->findChild<QLabel *>(u"tableFooter"_s);
    const qint64 each = page.invoices()->rowAt(0).invoice.total.minorAmount();
    const auto eur = *mp::Currency::fromCode(u"EUR"_s);
    QTRY_VERIFY_WITH_TIMEOUT(footer->text().contains(mp::Money(2 * each, eur).toDecimalString()), 10000);
    QVERIFY2(footer->text().startsWith(u"2 invoices"_s), qPrintable(footer->text()));

    mp::InvoiceDetailDialog dialog(f.session.get(), invoiceId);
    QSignalSpy loaded(&dialog, &mp::InvoiceDetailDialog::loaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(dialog.markPaidButton()->isEnabled());
    QVERIFY(dialog.cancelButton()->isEnabled());
    QVERIFY(!dialog.issueButton()->isEnabled());

    // A refused change comes back as the service's error; nothing changes.
    mp::billing::StatusChange bad;
    bad.to = mp::billing::InvoiceStatus::Refunded;
    bad.reason = u"test"_s;
    bool refused = false;
    dialog.requestChange(bad, [&](const mp::Error *e) { refused = e && e->code == u"invalid_transition"_s; });
    QTRY_VERIFY_WITH_TIMEOUT(refused, 10000);

    mp::billing::StatusChange paid;
    paid.to = mp::billing::InvoiceStatus::Paid;
    paid.paymentMethod = u"bank_transfer"_s;
    paid.paymentReference = u"SEPA-4711"_s;
    paid.reason = u"Payment received"_s;
    loaded.clear();
    dialog.requestChange(paid, [](const mp::Error *) {});
    QVERIFY(loaded.wait(10000));
    QVERIFY(dialog.detail()->invoice.status == mp::billing::InvoiceStatus::Paid);
    QCOMPARE(dialog.detail()->invoice.paymentReference, u"SEPA-4711"_s);
    QVERIFY(!dialog.markPaidButton()->isEnabled());
    QCOMPARE(dialog.detail()->audit.size(), 1);
    QVERIFY(dialog.detail()->audit.first().actor.contains(f.login));

    // The footer totals each status apart: never paid and unpaid added together.
    QTRY_VERIFY_WITH_TIMEOUT(
        footer->text().contains(u" · paid 1: "_s) && footer->text().contains(u" · unpaid 1: "_s), 10000);
    QVERIFY2(footer->text().startsWith(u"2 invoices · "_s), qPrintable(footer->text()));
    QVERIFY2(!footer->text().contains(mp::Money(2 * each, eur).toDecimalString()),
             qPrintable(footer->text()));

    // The paid filter and its totals follow through the change feed.
    page.setInvoiceStatus(u"paid"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.invoices()->rowCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(footer->text().startsWith(u"1 invoice "_s), 10000);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"invoice.pdf"_s);
    QSignalSpy saved(&dialog, &mp::InvoiceDetailDialog::pdfSaved);
    dialog.savePdfTo(path);
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5).startsWith("%PDF"));

    // Print lays out the same document on the printer's page: printed to a file here.
    const QString printed = dir.filePath(u"printed.pdf"_s);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printed);
    QVERIFY(dialog.printTo(printer));
    QVERIFY(dialog.message().contains(printed));
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QProcess text;
    text.start(pdftotext, {printed, u"-"_s});
    QVERIFY(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains(dialog.detail()->invoice.number), qPrintable(words.left(300)));
}

void TestConsoleSections::subscriptionDetailAndActions()
{
    ConsoleFixture f;
    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const auto bob = f.addCustomer(u"Bob"_s, u"bob@example.test"_s);
    markPaid(f, placeOrder(f, alice.id, product.id));
    markPaid(f, placeOrder(f, bob.id, product.id));
    ChangeFeed feed;
    mp::SubscriptionsPage page(f.session.get(), &feed);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 2, 10000);
    page.setCustomer(alice.id, u"Alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 10000);
    const QString id = page.model()->rowAt(0).id;

    QSignalSpy loaded(&page, &mp::SubscriptionsPage::detailLoaded);
    QSignalSpy finished(&page, &mp::SubscriptionsPage::actionFinished);
    page.showSubscription(id);
    QVERIFY(loaded.wait(10000));
    const auto detail = [&] { return *page.detail(); };
    QCOMPARE(detail().links.product.value(u"name"_s).toString(), u"Mailbox"_s);
    QCOMPARE(detail().links.customer.value(u"name"_s).toString(), u"Alice"_s);
    QCOMPARE(detail().links.invoices.size(), 1);
    QVERIFY(!detail().links.history.isEmpty());
    QVERIFY(!detail().provisioning.isEmpty());
    QVERIFY(page.suspendButton()->isEnabled());
    QVERIFY(!page.unsuspendButton()->isEnabled());
    QVERIFY(page.renewButton()->isEnabled());

    const auto act = [&](auto run) {
        finished.clear();
        loaded.clear();
        run();
        QVERIFY(finished.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    };
    act([&] { page.perform(mp::commands::SubscriptionAction::Suspend); });
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(detail().subscription.status, u"suspended"_s);
    QVERIFY(page.unsuspendButton()->isEnabled());
    QVERIFY(!page.suspendButton()->isEnabled());
    QVERIFY(detail().links.history.last().toObject().value(u"actor"_s).toString().contains(f.login));

    act([&] { page.perform(mp::commands::SubscriptionAction::Unsuspend); });
    QCOMPARE(detail().subscription.status, u"active"_s);

    // The next period's invoice, at once; a second request finds it already issued.
    act([&] { page.renewNow(); });
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(detail().links.invoices.size(), 2);
    act([&] { page.renewNow(); });
    QVERIFY(!finished.first().first().toString().isEmpty());
    QVERIFY(page.message().contains(u"already has its invoice"_s));
    QCOMPARE(detail().links.invoices.size(), 2);

    act([&] { page.perform(mp::commands::SubscriptionAction::CancelAtPeriodEnd); });
    QVERIFY(detail().subscription.cancelAtPeriodEnd);
    QCOMPARE(detail().subscription.status, u"active"_s);
    QVERIFY(!page.renewButton()->isEnabled());
    QVERIFY(!page.cancelAtEndButton()->isEnabled());
    QVERIFY(page.cancelNowButton()->isEnabled());

    act([&] { page.perform(mp::commands::SubscriptionAction::CancelNow); });
    QCOMPARE(detail().subscription.status, u"cancelled"_s);
    for (QPushButton *b : {page.cancelNowButton(), page.cancelAtEndButton(), page.suspendButton(),
                           page.unsuspendButton(), page.renewButton()})
        QVERIFY(!b->isEnabled());

    // The customer detail lists the customer's subscriptions.
    mp::CustomersPage customers(f.session.get(), &feed);
    customers.showCustomer(alice.id);
    QTRY_COMPARE_WITH_TIMEOUT(customers.detail()->subscriptions()->rowCount(), 1, 10000);
    QCOMPARE(customers.detail()->subscriptions()->rowAt(0).id, id);
    QVERIFY(!customers.detail()->placeholder(u"subscriptions"_s));
}

void TestConsoleSections::payOnlineAndRefund()
{
    ConsoleFixture f;
    mp::test::StripeEmulator stripe;
    QVERIFY(stripe.start());
    const QByteArray secret = "whsec_console_sections";
    mp::Config config;
    config.set(u"MPANEL_STRIPE_SECRET_KEY"_s, u"sk_test_console"_s);
    config.set(u"MPANEL_STRIPE_API_BASE"_s, stripe.baseUrl().toString());
    mp::commands::setPaymentConfig(config);
    QList<QUrl> opened;
    mp::InvoiceDetailDialog::setUrlOpener([&](const QUrl &url) {
        opened << url;
        return true;
    });

    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const QString invoiceId = placeOrder(f, alice.id, product.id);
    mp::InvoiceDetailDialog dialog(f.session.get(), invoiceId);
    QSignalSpy loaded(&dialog, &mp::InvoiceDetailDialog::loaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(dialog.payOnlineButton()->isEnabled());
    QVERIFY(!dialog.refundButton()->isEnabled());
    QCOMPARE(dialog.payments()->rowCount(), 0);
    // A test key: Stripe's test mode, not the sandbox, even against the emulator.
    QVERIFY2(dialog.paymentNote().startsWith(u"Stripe test mode"_s), qPrintable(dialog.paymentNote()));
    QVERIFY(!dialog.paymentNote().contains(u"sandbox"_s));

    // "Pay online": a Checkout Session made through the payments services, its URL opened.
    QSignalSpy checkout(&dialog, &mp::InvoiceDetailDialog::checkoutOpened);
    dialog.payOnline();
    QVERIFY(checkout.wait(20000));
    QCOMPARE(checkout.first().at(1).toString(), QString());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().port(), stripe.baseUrl().port());
    QCOMPARE(stripe.sessionCount(), 1);

    // The customer pays with the test card; Stripe's events reach the webhook.
    auto q = mp::sql::exec(f.service,
                           u"SELECT session_id FROM invoice_checkout_sessions WHERE invoice_id = ?::uuid"_s,
                           {invoiceId});
    QVERIFY(q && q->next());
    QVERIFY(stripe.pay(q->value(0).toString(), u"4242424242424242"_s));
    const auto deliver = [&] {
        for (const QJsonObject &event : stripe.events()) {
            const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
            const qint64 t = mp::Clock::current().now().toSecsSinceEpoch();
            const auto outcome = mp::payments::StripeWebhook::receive(
                f.service, mp::stripe::signatureHeader({secret}, t, body), body, {secret},
                mp::Clock::current().now());
            QCOMPARE(outcome.status, 200);
        }
    };
    deliver();
    loaded.clear();
    dialog.reload();
    QVERIFY(loaded.wait(10000));
    QVERIFY(dialog.detail()->invoice.status == mp::billing::InvoiceStatus::Paid);
    QCOMPARE(dialog.payments()->rowCount(), 1);
    QCOMPARE(dialog.payments()->index(0, mp::PaymentListModel::Status).data().toString(), u"Succeeded"_s);
    QVERIFY(!dialog.payOnlineButton()->isEnabled());
    QVERIFY(dialog.refundButton()->isEnabled());

    // A partial refund through the payments services (Stripe's refunds API).
    QSignalSpy refunded(&dialog, &mp::InvoiceDetailDialog::refundFinished);
    bool ok = false;
    loaded.clear();
    dialog.requestRefund(300, u"requested_by_customer"_s, [&](const mp::Error *e) { ok = !e; });
    QVERIFY(refunded.wait(20000));
    QCOMPARE(refunded.first().first().toString(), QString());
    QVERIFY(ok);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(stripe.refundCount(), 1);
    QCOMPARE(dialog.payments()->payments().first().refundedMinor, 300);
    QCOMPARE(dialog.payments()->index(0, mp::PaymentListModel::Refunded).data().toString(), u"3.00 EUR"_s);

    // The customer detail lists the payment, and the card Checkout saved for renewals.
    ChangeFeed feed;
    mp::CustomersPage customers(f.session.get(), &feed);
    customers.showCustomer(alice.id);
    QTRY_COMPARE_WITH_TIMEOUT(customers.detail()->payments()->rowCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(customers.detail()->savedCardsText().contains(u"4242"_s), 20000);
    QVERIFY2(customers.detail()->savedCardsText().contains(u"Visa"_s) &&
                 customers.detail()->savedCardsText().contains(u"charged for renewals"_s),
             qPrintable(customers.detail()->savedCardsText()));
    mp::InvoiceDetailDialog::setUrlOpener([](const QUrl &) { return false; });
}

void TestConsoleSections::payOnlineOnTheSandboxSaysNoRealMoney()
{
    ConsoleFixture f;
    mp::test::StripeEmulator stripe; // takes any sk_test_ key, as run-mpanel starts it
    QVERIFY(stripe.start());
    mp::Config sandbox;
    sandbox.set(u"MPANEL_STRIPE_API_BASE"_s, stripe.baseUrl().toString());
    mp::commands::setPaymentConfig(sandbox);
    QList<QUrl> opened;
    mp::InvoiceDetailDialog::setUrlOpener([&](const QUrl &url) {
        opened << url;
        return true;
    });
    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const QString invoiceId = placeOrder(f, alice.id, product.id);

    mp::InvoiceDetailDialog dialog(f.session.get(), invoiceId);
    QSignalSpy loaded(&dialog, &mp::InvoiceDetailDialog::loaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY2(dialog.paymentNote().startsWith(u"Stripe sandbox — no real money moves"_s),
             qPrintable(dialog.paymentNote()));
    QVERIFY(dialog.paymentNote().contains(stripe.baseUrl().toString()));
    QCOMPARE(dialog.payOnlineButton()->toolTip(), dialog.paymentNote());
    QVERIFY(dialog.payOnlineButton()->isEnabled());

    // No account configured, and the payment still goes through: to the emulator.
    QSignalSpy checkout(&dialog, &mp::InvoiceDetailDialog::checkoutOpened);
    dialog.payOnline();
    QVERIFY(checkout.wait(20000));
    QCOMPARE(checkout.first().at(1).toString(), QString());
    QCOMPARE(stripe.sessionCount(), 1);
    QCOMPARE(opened.size(), 1);
    QVERIFY2(dialog.message().contains(u"sandbox (no real money moves)"_s), qPrintable(dialog.message()));
    if (const QByteArray path = qgetenv("MPANEL_SCREENSHOT"); !path.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(300);
        QVERIFY(dialog.grab().save(QString::fromLocal8Bit(path)));
    }

    // Neither a key nor an emulator: online payment is off and says so.
    mp::commands::setPaymentConfig(mp::Config());
    mp::InvoiceDetailDialog off(f.session.get(), invoiceId);
    QSignalSpy offLoaded(&off, &mp::InvoiceDetailDialog::loaded);
    QVERIFY(offLoaded.wait(10000));
    QVERIFY2(off.paymentNote().startsWith(u"Online payment is off"_s), qPrintable(off.paymentNote()));
    QVERIFY(!off.payOnlineButton()->isEnabled());
    QVERIFY(!off.paymentNote().contains(u"sandbox"_s));
}

// The report's case: "Germany" typed into the country field was saved as GE (Georgia). The
// picker finds a country by any part of its name or code and stores the code it names.
void TestConsoleSections::countryPickerStoresTheCountryNamed()
{
    mp::CountryPicker picker;
    QAbstractItemModelTester tester(picker.countries(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(picker.countries()->rowCount(), 250); // no country, then ISO 3166-1's 249
    QCOMPARE(picker.code(), QString());
    const QList<std::pair<QString, QString>> typed{
        {u"Germany"_s, u"DE"_s},
        {u"germany"_s, u"DE"_s},
        {u"Deutschland"_s, u"DE"_s},
        {u"de"_s, u"DE"_s},
        {u"Georgia"_s, u"GE"_s},
        {u"Österreich"_s, u"AT"_s},
        {u"  "_s, QString()},
        // Nothing guessed: passed on for the services to refuse, naming the field.
        {u"Atlantis"_s, u"Atlantis"_s},
        {u"xx"_s, u"XX"_s}};
    for (const auto &[text, code] : typed) {
        picker.lineEdit()->setText(text);
        QVERIFY2(picker.code() == code, qPrintable(text + u" -> "_s + picker.code()));
    }
    picker.setCode(u"AT"_s);
    QCOMPARE(picker.code(), u"AT"_s);
    QVERIFY2(picker.currentText().startsWith(u"Austria"_s), qPrintable(picker.currentText()));
    // Searchable by any part of a name, in English or the country's own language, or the code.
    for (const QString &part : {u"deutsch"_s, u"erman"_s, u"(DE)"_s}) {
        picker.completer()->setCompletionPrefix(part);
        QVERIFY2(picker.completer()->completionCount() >= 1, qPrintable(part));
        bool found = false;
        for (int i = 0; picker.completer()->setCurrentRow(i); ++i)
            found = found || picker.completer()->currentCompletion().endsWith(u"(DE)"_s);
        QVERIFY2(found, qPrintable(part));
    }
}

// The report's case: the invoice dialog stayed UNPAID with Pay online and Mark paid enabled
// after the payment arrived. Opened from the Billing page, it follows the change feed.
void TestConsoleSections::openInvoiceFollowsTheChangeFeed()
{
    ConsoleFixture f;
    mp::Config sandbox; // online payment on, so Pay online is offered while unpaid
    sandbox.set(u"MPANEL_STRIPE_API_BASE"_s, u"http://127.0.0.1:9"_s);
    mp::commands::setPaymentConfig(sandbox);
    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const QString invoiceId = placeOrder(f, alice.id, product.id);
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, mp::consoleSections().channels());
    QVERIFY(listening.wait(20000));
    mp::BillingPage page(f.session.get(), &feed);

    QPointer<mp::InvoiceDetailDialog> dialog = page.openInvoice(invoiceId);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->detail().has_value(), 10000);
    QVERIFY(dialog->detail()->invoice.status == mp::billing::InvoiceStatus::Unpaid);
    QVERIFY(dialog->markPaidButton()->isEnabled());
    QVERIFY(dialog->payOnlineButton()->isEnabled());

    // Paid elsewhere (a bank transfer booked by the service): the open dialog catches up.
    markPaid(f, invoiceId);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->detail()->invoice.status == mp::billing::InvoiceStatus::Paid, 10000);
    QVERIFY(!dialog->markPaidButton()->isEnabled());
    QVERIFY(!dialog->payOnlineButton()->isEnabled());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    dialog->close();
    mp::commands::setPaymentConfig(mp::Config());
}

// The report's case: after a live reload the highlighted subscription and the detail pane
// showed different subscriptions. The highlight follows its row's id, so both stay on one.
void TestConsoleSections::subscriptionSelectionFollowsItsRow()
{
    ConsoleFixture f;
    const auto product = addProduct(f, u"Mailbox"_s);
    QStringList customers;
    for (const QString &name : {u"Alice"_s, u"Bob"_s, u"Carol"_s}) {
        const auto c = f.addCustomer(name, name.toLower() + u"@example.test"_s);
        markPaid(f, placeOrder(f, c.id, product.id));
        customers << c.id;
    }
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, mp::consoleSections().channels());
    QVERIFY(listening.wait(20000));
    mp::SubscriptionsPage page(f.session.get(), &feed);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 3, 10000);
    QTableView *table = page.view()->table();
    table->setCurrentIndex(page.model()->index(1, 0));
    const QString picked = page.view()->currentId();
    QTRY_VERIFY_WITH_TIMEOUT(page.detail() && page.detail()->subscription.id == picked, 10000);

    // A new subscription sorts first (newest first): every row moves down one.
    const auto dave = f.addCustomer(u"Dave"_s, u"dave@example.test"_s);
    markPaid(f, placeOrder(f, dave.id, product.id));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 4, 10000);
    QTest::qWait(300);
    QCOMPARE(page.view()->currentId(), picked);
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(page.detail()->subscription.id, picked);

    // An action acts on the record both show.
    QSignalSpy finished(&page, &mp::SubscriptionsPage::actionFinished);
    page.perform(mp::commands::SubscriptionAction::Suspend);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(f.asService([&](TenantTransaction &tx) {
                  return mp::subscriptions::Subscriptions::find(tx, picked);
              })->status,
             u"suspended"_s);
}

QTEST_MAIN(TestConsoleSections)
#include "tst_console_sections.moc"
