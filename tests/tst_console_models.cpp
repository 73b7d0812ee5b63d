#include "billing/checkout.h"
#include "billing/invoices.h"
#include "catalog/products.h"
#include "cloudpod_template_model.h"
#include "console_session/change_feed.h"
#include "core/clock.h"
#include "customer_commands.h"
#include "customer_table_model.h"
#include "db/sql.h"
#include "invoice_table_model.h"
#include "jobs/job_types.h"
#include "model_roles.h"
#include "order_table_model.h"
#include "payment_list_model.h"
#include "payments/payments.h"
#include "product_table_model.h"
#include "status_tone.h"
#include "subscription_commands.h"
#include "subscription_table_model.h"
#include "subscriptions/subscription_lifecycle.h"
#include "support/console_fixture.h"
#include "tld_price_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using mp::ChangeFeed;
using mp::LazyTableModelBase;
using mp::TenantTransaction;
using mp::test::ConsoleFixture;

namespace {

// Waits until `model` has applied a query (first page, next page or reload).
bool waitLoaded(LazyTableModelBase &model, int timeoutMs = 20000)
{
    QSignalSpy loaded(&model, &LazyTableModelBase::rowsLoaded);
    QSignalSpy failed(&model, &LazyTableModelBase::loadFailed);
    QElapsedTimer timer;
    timer.start();
    while (loaded.isEmpty() && failed.isEmpty() && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!failed.isEmpty())
        qWarning("load failed: %s", qPrintable(failed.first().first().value<mp::Error>().message));
    return !loaded.isEmpty();
}

mp::catalog::Product addProduct(ConsoleFixture &f, const QString &name, const QString &type = u"email"_s)
{
    mp::catalog::ProductDraft d;
    d.type = type;
    d.name = name;
    const auto eur = *mp::Currency::fromCode(u"EUR"_s);
    d.prices = QList<mp::catalog::CyclePrice>{{u"monthly"_s, mp::Money(499, eur), mp::Money(0, eur)}};
    return *f.asService([&](TenantTransaction &tx) { return mp::catalog::Products::create(tx, d); });
}

// A paid monthly order of `product` for `customer`: one active subscription (made by the
// services from the paid invoice, as a bank transfer marked paid would).
QString paidOrderInvoice(ConsoleFixture &f, const QString &customerId, const QString &productId)
{
    mp::billing::CheckoutRequest r;
    r.customerId = customerId;
    r.productId = productId;
    r.cycle = u"monthly"_s;
    r.byStaff = true;
    r.placedBy = u"staff"_s;
    const auto placed = f.asService([&](TenantTransaction &tx) {
        return mp::billing::Checkout::place(tx, r, mp::Clock::current().now());
    });
    mp::billing::StatusChange paid;
    paid.to = mp::billing::InvoiceStatus::Paid;
    paid.reason = u"test"_s;
    paid.actor = u"test"_s;
    paid.paymentMethod = u"bank_transfer"_s;
    paid.paymentReference = u"REF"_s;
    (void)f.asService([&](TenantTransaction &tx) {
        return mp::billing::Invoices::changeStatus(tx, placed->invoice.id, paid, mp::Clock::current().now());
    });
    return placed->invoice.id;
}

} // namespace

class TestConsoleModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void customersPageInKeysetSteps();
    void customerSearchIsServerSideAndDropsStaleReplies();
    void customerSortIsSql();
    void liveUpdateReloadsInPlace();
    void selectionFollowsTheRowThroughReloads();
    void everyStatusHasAColour();
    void productsGroupedAndFiltered();
    void templatesAndTldPrices();
    void ordersAndInvoicesWithTotals();
    void subscriptionsFilteredInSqlAndLive();
    void paymentList();
};

void TestConsoleModels::customersPageInKeysetSteps()
{
    ConsoleFixture f;
    f.fillCustomers(450);
    mp::CustomerTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.refresh();
    QVERIFY(model.isLoading());
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), LazyTableModelBase::kPageSize);
    QCOMPARE(model.index(0, mp::CustomerTableModel::Name).data().toString(), u"Customer 000001"_s);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one query at a time
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 400);
    model.fetchMore({});
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 450);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(449, mp::CustomerTableModel::Name).data().toString(), u"Customer 000450"_s);
    QVERIFY(!model.index(3, 0).data(mp::IdRole).toString().isEmpty());
}

void TestConsoleModels::customerSearchIsServerSideAndDropsStaleReplies()
{
    ConsoleFixture f;
    f.fillCustomers(300);
    f.addCustomer(u"Zed Zebra"_s, u"zed@zoo.test"_s);
    mp::CustomerTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QVERIFY(waitLoaded(model));

    // Two filters in a row: the first query's reply comes back but must not be applied.
    QSignalSpy loaded(&model, &LazyTableModelBase::rowsLoaded);
    mp::customers::CustomerFilter first;
    first.search = u"customer 0001"_s;
    model.setFilter(first);
    mp::customers::CustomerFilter second;
    second.search = u"zoo.test"_s;
    model.setFilter(second);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    QTest::qWait(300);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, mp::CustomerTableModel::Email).data().toString(), u"zed@zoo.test"_s);

    model.setFilter(first); // "Customer 000100" ... "Customer 000199"
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 100);
}

void TestConsoleModels::customerSortIsSql()
{
    ConsoleFixture f;
    f.fillCustomers(250);
    mp::CustomerTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QVERIFY(waitLoaded(model));
    model.sort(mp::CustomerTableModel::Name, Qt::DescendingOrder);
    QVERIFY(waitLoaded(model));
    // The last row of the table comes first, although only one page was ever loaded.
    QCOMPARE(model.index(0, mp::CustomerTableModel::Name).data().toString(), u"Customer 000250"_s);
    QCOMPARE(model.rowCount(), LazyTableModelBase::kPageSize);
    // A column the services cannot order by is ignored.
    model.sort(mp::CustomerTableModel::Country, Qt::AscendingOrder);
    QCOMPARE(model.sortParameter(), u"-name"_s);
}

void TestConsoleModels::liveUpdateReloadsInPlace()
{
    ConsoleFixture f;
    f.fillCustomers(450);
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, {mp::channels::customers});
    QVERIFY(listening.wait(20000));

    mp::CustomerTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChangeFeed(&feed, {mp::channels::customers});
    model.refresh();
    QVERIFY(waitLoaded(model));
    model.fetchMore({});
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 400);

    // Another session (the service) adds a customer that sorts first and renames another.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&feed, &ChangeFeed::changed);
    f.addCustomer(u"Aaron First"_s, u"aaron@example.test"_s);
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.first().first().toString(), mp::channels::customers);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, mp::CustomerTableModel::Name).data().toString(),
                              u"Aaron First"_s, 5000);
    // Reloaded in place: no reset (the view keeps its scroll position), same rows loaded.
    QCOMPARE(resets.size(), 0);
    QCOMPARE(model.rowCount(), 400);
    QCOMPARE(model.index(399, mp::CustomerTableModel::Name).data().toString(), u"Customer 000399"_s);

    // A burst of 20 statements is one reload, not 20.
    QSignalSpy loaded(&model, &LazyTableModelBase::rowsLoaded);
    for (int i = 0; i < 20; ++i)
        f.addCustomer(u"Burst %1"_s.arg(i), u"burst%1@example.test"_s.arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 5000);
    QTest::qWait(600);
    QVERIFY2(loaded.size() <= 3, qPrintable(QString::number(loaded.size())));

    // Changes of another tenant never reach this feed.
    changed.clear();
    const QString other = mp::test::createTenant(f.service, u"Other Hosting"_s);
    auto tx = TenantTransaction::begin(f.service, other);
    QVERIFY(tx);
    mp::customers::CustomerDraft d;
    d.name = u"Foreign"_s;
    d.email = u"foreign@example.test"_s;
    QVERIFY(mp::customers::Customers::create(*tx, d));
    QVERIFY(tx->commit());
    QTest::qWait(500);
    QCOMPARE(changed.size(), 0);
}

// The current row and the selection belong to a record, not to a position: a reload that
// inserts a row above the selected one, or removes one, keeps the highlight on the same id.
void TestConsoleModels::selectionFollowsTheRowThroughReloads()
{
    ConsoleFixture f;
    f.fillCustomers(10);
    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, {mp::channels::customers});
    QVERIFY(listening.wait(20000));

    mp::CustomerTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChangeFeed(&feed, {mp::channels::customers});
    model.refresh();
    QVERIFY(waitLoaded(model));
    QItemSelectionModel selection(&model);
    const QModelIndex picked = model.index(4, mp::CustomerTableModel::Email);
    selection.setCurrentIndex(picked, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString id = picked.data(mp::IdRole).toString();
    QCOMPARE(picked.data().toString(), u"c5@example.test"_s);

    // Two customers that sort first: the picked one moves down two rows and stays current.
    f.addCustomer(u"Aaron First"_s, u"aaron@example.test"_s);
    f.addCustomer(u"Abel Second"_s, u"abel@example.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 12, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, mp::CustomerTableModel::Name).data().toString(),
                              u"Abel Second"_s, 5000);
    QCOMPARE(selection.currentIndex().row(), 6);
    QCOMPARE(selection.currentIndex().column(), int(mp::CustomerTableModel::Email));
    QCOMPARE(selection.currentIndex().data(mp::IdRole).toString(), id);
    QVERIFY(selection.isRowSelected(6, {}));
    QCOMPARE(selection.selectedRows().size(), 1);

    // One above it goes: it moves up one.
    QVERIFY(mp::sql::exec(f.service, u"DELETE FROM customers WHERE email = 'aaron@example.test'"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 11, 5000);
    QCOMPARE(selection.currentIndex().row(), 5);
    QCOMPARE(selection.currentIndex().data(mp::IdRole).toString(), id);

    // It goes itself: nothing is current rather than its neighbour.
    QVERIFY(mp::sql::exec(f.service, u"DELETE FROM customers WHERE id = ?::uuid"_s, {id}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, 5000);
    QVERIFY(!selection.currentIndex().isValid());
    QVERIFY(selection.selectedRows().isEmpty());
}

// Every status a table shows has a colour beside its text: invoices, subscriptions, payments,
// jobs and pods; the same kind of state has the same colour everywhere.
void TestConsoleModels::everyStatusHasAColour()
{
    QStringList statuses = mp::billing::InvoiceStatuses::all() + mp::subscriptions::subscriptionStatuses();
    statuses << u"overdue"_s << u"held"_s;
    statuses << u"pending"_s << u"succeeded"_s << u"failed"_s << u"refunded"_s << u"partially_refunded"_s
             << u"disputed"_s; // payments (migration 0005)
    for (auto s : {mp::JobStatus::Queued, mp::JobStatus::Running, mp::JobStatus::Completed,
                   mp::JobStatus::Failed, mp::JobStatus::Dead, mp::JobStatus::Cancelled})
        statuses << toString(s);
    statuses << u"provisioning"_s << u"active"_s << u"suspended"_s << u"error"_s << u"terminated"_s; // pods
    for (const QString &s : std::as_const(statuses))
        QVERIFY2(mp::statusForeground(s).value<QColor>().isValid(), qPrintable(s));
    QCOMPARE(mp::statusTone(u"paid"), mp::statusTone(u"active"));
    QCOMPARE(mp::statusTone(u"overdue"), mp::statusTone(u"past_due"));
    QVERIFY(mp::statusTone(u"paid") != mp::statusTone(u"unpaid"));
    QVERIFY(!mp::statusForeground(u"no such status").isValid());
}

void TestConsoleModels::productsGroupedAndFiltered()
{
    ConsoleFixture f;
    addProduct(f, u"Mailbox"_s);
    addProduct(f, u"Backup 100"_s, u"backup"_s);
    mp::ProductTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 2);
    // Grouped by type: backup before email.
    QCOMPARE(model.index(0, mp::ProductTableModel::Type).data().toString(), u"Backup"_s);
    QCOMPARE(model.index(1, mp::ProductTableModel::Price).data().toString(), u"4.99 EUR / monthly"_s);
    mp::catalog::ProductFilter filter;
    filter.type = u"email"_s;
    model.setFilter(filter);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, mp::ProductTableModel::Name).data().toString(), u"Mailbox"_s);
}

void TestConsoleModels::templatesAndTldPrices()
{
    ConsoleFixture f;
    mp::CloudPodTemplateModel templates(f.session.get());
    QAbstractItemModelTester tester(&templates, QAbstractItemModelTester::FailureReportingMode::QtTest);
    templates.refresh();
    QVERIFY(waitLoaded(templates));
    QCOMPARE(templates.rowCount(), 4); // the starters seeded with the tenant
    QVERIFY(!templates.canFetchMore({}));

    mp::catalog::ProductDraft d;
    d.type = u"domain"_s;
    d.name = u".com domains"_s;
    d.tld = u"com"_s;
    const auto eur = *mp::Currency::fromCode(u"EUR"_s);
    d.domainPrices = QList<mp::catalog::DomainPrice>{{u"register"_s, 1, mp::Money(999, eur)},
                                                     {u"renew"_s, 1, mp::Money(1199, eur)}};
    (void)f.asService([&](TenantTransaction &tx) { return mp::catalog::Products::create(tx, d); });
    mp::TldPriceModel tld(f.session.get());
    QAbstractItemModelTester tldTester(&tld, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tld.refresh();
    QVERIFY(waitLoaded(tld));
    QCOMPARE(tld.rowCount(), 2);
    QCOMPARE(tld.index(0, mp::TldPriceModel::Tld).data().toString(), u".com"_s);
    QCOMPARE(tld.index(1, mp::TldPriceModel::Price).data().toString(), u"11.99 EUR"_s);
}

void TestConsoleModels::ordersAndInvoicesWithTotals()
{
    ConsoleFixture f;
    // A type nothing provisions: bought two at a time.
    const auto product = addProduct(f, u"Mailbox"_s, u"other"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const auto bob = f.addCustomer(u"Bob"_s, u"bob@example.test"_s);
    for (const auto &c : {alice, alice, bob}) {
        mp::billing::CheckoutRequest r;
        r.customerId = c.id;
        r.productId = product.id;
        r.cycle = u"monthly"_s;
        r.quantity = 2;
        r.byStaff = true;
        r.placedBy = u"staff"_s;
        (void)f.asService([&](TenantTransaction &tx) {
            return mp::billing::Checkout::place(tx, r, mp::Clock::current().now());
        });
    }
    mp::OrderTableModel orders(f.session.get());
    QAbstractItemModelTester orderTester(&orders, QAbstractItemModelTester::FailureReportingMode::QtTest);
    orders.refresh();
    QVERIFY(waitLoaded(orders));
    QCOMPARE(orders.rowCount(), 3);
    QCOMPARE(orders.index(0, mp::OrderTableModel::Amount).data().toString(), u"9.98 EUR"_s);

    mp::InvoiceTableModel invoices(f.session.get());
    QAbstractItemModelTester invoiceTester(&invoices, QAbstractItemModelTester::FailureReportingMode::QtTest);
    mp::billing::InvoiceFilter filter;
    filter.customerId = alice.id;
    invoices.setFilter(filter);
    QVERIFY(waitLoaded(invoices));
    QCOMPARE(invoices.rowCount(), 2);
    QCOMPARE(invoices.index(0, mp::InvoiceTableModel::Customer).data().toString(), u"Alice"_s);

    // The footer's totals are SQL over every row the filter selects, per currency.
    auto totals = f.asService([&](TenantTransaction &tx) {
        return mp::billing::Invoices::totals(tx, filter, QDate::currentDate());
    });
    QCOMPARE(totals->size(), 1);
    QCOMPARE(totals->first().count, 2);
    QCOMPARE(totals->first().total.minorAmount(), 2 * invoices.rowAt(0).invoice.total.minorAmount());
}

void TestConsoleModels::subscriptionsFilteredInSqlAndLive()
{
    ConsoleFixture f;
    const auto mailbox = addProduct(f, u"Mailbox"_s);
    const auto backup = addProduct(f, u"Backup"_s, u"backup"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    const auto bob = f.addCustomer(u"Bob"_s, u"bob@example.test"_s);
    paidOrderInvoice(f, alice.id, mailbox.id);
    paidOrderInvoice(f, alice.id, backup.id);
    paidOrderInvoice(f, bob.id, mailbox.id);
    // Ordered, never paid: no subscription.
    mp::billing::CheckoutRequest unpaid;
    unpaid.customerId = bob.id;
    unpaid.productId = backup.id;
    unpaid.cycle = u"monthly"_s;
    unpaid.byStaff = true;
    unpaid.placedBy = u"staff"_s;
    (void)f.asService([&](TenantTransaction &tx) {
        return mp::billing::Checkout::place(tx, unpaid, mp::Clock::current().now());
    });

    ChangeFeed feed;
    QSignalSpy listening(&feed, &ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, {mp::channels::subscriptions});
    QVERIFY(listening.wait(20000));

    mp::SubscriptionTableModel model(f.session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChangeFeed(&feed, {mp::channels::subscriptions});
    model.refresh();
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, mp::SubscriptionTableModel::Status).data().toString(), u"Active"_s);
    QCOMPARE(model.index(0, mp::SubscriptionTableModel::Cycle).data().toString(), u"Monthly"_s);
    QCOMPARE(model.index(0, mp::SubscriptionTableModel::Price).data().toString(), u"4.99 EUR"_s);
    QVERIFY(!model.index(0, mp::SubscriptionTableModel::NextDue).data().toString().isEmpty());

    mp::subscriptions::SubscriptionFilter filter;
    filter.customerId = alice.id;
    model.setFilter(filter);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 2);
    filter.productId = backup.id;
    model.setFilter(filter);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).productId, backup.id);
    filter = {};
    filter.status = u"suspended"_s;
    model.setFilter(filter);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 0);
    // A monthly period: due within 60 days, not within 0.
    filter = {};
    filter.dueWithinDays = 60;
    model.setFilter(filter);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 3);
    filter.dueWithinDays = 0;
    model.setFilter(filter);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 0);

    // Sorting is the services' keyset order.
    model.setFilter({});
    QVERIFY(waitLoaded(model));
    model.sort(mp::SubscriptionTableModel::NextDue, Qt::AscendingOrder);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.sortParameter(), u"next_due_date"_s);
    QCOMPARE(model.rowCount(), 3);

    // Another session suspends one: the change feed (migration 0011) reloads the row in place.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QString id = model.rowAt(1).id;
    (void)f.asService([&](TenantTransaction &tx) {
        return mp::subscriptions::SubscriptionLifecycle::suspend(tx, id, u"test"_s,
                                                                 mp::Clock::current().now());
    });
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, mp::SubscriptionTableModel::Status).data().toString(),
                              u"Suspended"_s, 5000);
    QCOMPARE(resets.size(), 0);
}

void TestConsoleModels::paymentList()
{
    ConsoleFixture f;
    const auto product = addProduct(f, u"Mailbox"_s);
    const auto alice = f.addCustomer(u"Alice"_s, u"alice@example.test"_s);
    mp::billing::CheckoutRequest r;
    r.customerId = alice.id;
    r.productId = product.id;
    r.cycle = u"monthly"_s;
    r.byStaff = true;
    r.placedBy = u"staff"_s;
    const auto placed = f.asService([&](TenantTransaction &tx) {
        return mp::billing::Checkout::place(tx, r, mp::Clock::current().now());
    });
    // Two attempts as the webhook leaves them: one declined, one paid and partly refunded.
    QVERIFY(mp::sql::exec(
        f.service,
        u"INSERT INTO payments (tenant_id, invoice_id, customer_id, payment_intent, amount_minor, "
        "currency, status, decline_code, decline_message, created_at, updated_at) "
        "VALUES (?::uuid, ?::uuid, ?::uuid, 'pi_declined', ?, 'EUR', 'failed', 'card_declined', "
        "'Your card was declined.', now() - interval '1 hour', now())"_s,
        {f.tenantId, placed->invoice.id, alice.id, placed->invoice.total.minorAmount()}));
    QVERIFY(mp::sql::exec(
        f.service,
        u"INSERT INTO payments (tenant_id, invoice_id, customer_id, payment_intent, amount_minor, "
        "currency, status, refunded_minor, succeeded, created_at, updated_at) "
        "VALUES (?::uuid, ?::uuid, ?::uuid, 'pi_paid', ?, 'EUR', 'partially_refunded', 100, true, "
        "now(), now())"_s,
        {f.tenantId, placed->invoice.id, alice.id, placed->invoice.total.minorAmount()}));
    auto list =
        f.asService([&](TenantTransaction &tx) { return mp::payments::Payments::forCustomer(tx, alice.id); });
    mp::PaymentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPayments(*list);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, mp::PaymentListModel::Status).data().toString(), u"Partially refunded"_s);
    QCOMPARE(model.index(0, mp::PaymentListModel::Refunded).data().toString(), u"1.00 EUR"_s);
    QCOMPARE(model.index(1, mp::PaymentListModel::Status).data().toString(), u"Declined"_s);
    QCOMPARE(model.index(1, mp::PaymentListModel::Decline).data().toString(),
             u"Your card was declined. (card_declined)"_s);
    model.setPayments({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestConsoleModels)
#include "tst_console_models.moc"
