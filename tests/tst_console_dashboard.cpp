// The Dashboard as a business overview against a real database: the figures of
// dashboard::BusinessOverview on rows laid out around a fixed "now" (what counts and what does
// not: refunded, outside the 12 months, cancelled, beyond 7 days, terminated, older than 24 hours),
// the revenue model under QAbstractItemModelTester, the tiles in the console's locale (English
// and German money), each tile opening its section filtered, and the figures following the
// change feed.
#include "console_sections.h"
#include "console_session/change_feed.h"
#include "core/clock.h"
#include "dashboard/business_overview_panel.h"
#include "dashboard/dashboard_page.h"
#include "dashboard/dashboard_tile.h"
#include "dashboard_commands.h"
#include "revenue_month_model.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QChartView>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mp;
using mp::test::ConsoleFixture;

namespace {

const QDateTime kNow(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());

struct Seeded {
    QString customer, product, templateId;
};

void exec(ConsoleFixture &f, const QString &text, const QVariantList &binds = {})
{
    auto q = sql::exec(f.service, text, binds);
    if (!q)
        qFatal("%s", qPrintable(q.error().message));
}

QString one(ConsoleFixture &f, const QString &text, const QVariantList &binds = {})
{
    auto q = sql::exec(f.service, text, binds);
    if (!q || !q->next())
        qFatal("%s", q ? "no row" : qPrintable(q.error().message));
    return q->value(0).toString();
}

int s_invoice = 0;

void invoice(ConsoleFixture &f, const Seeded &s, const QString &status, const QString &currency, qint64 total,
             const QString &paidAt, const QString &dueDate = u"2026-12-31"_s)
{
    ++s_invoice;
    exec(f,
         u"INSERT INTO invoices (tenant_id, customer_id, status, number, currency, price_mode, issue_date, "
         "due_date, net_minor, tax_minor, total_minor, created_at, issued_at, paid_at) VALUES (?::uuid, "
         "?::uuid, "
         "?, ?, ?, 'exclusive', '2025-01-01', ?::date, ?, 0, ?, now(), now(), nullif(?, '')::timestamptz)"_s,
         {f.tenantId, s.customer, status, u"T-%1"_s.arg(s_invoice), currency, dueDate, total, total, paidAt});
}

void subscription(ConsoleFixture &f, const Seeded &s, const QString &status, const QString &cycle,
                  qint64 price, int quantity, const QString &nextDue, bool ending = false)
{
    exec(f,
         u"INSERT INTO subscriptions (tenant_id, customer_id, product_id, product_type, description, cycle, "
         "currency, unit_price_minor, quantity, status, anchor_day, started_at, current_period_start, "
         "current_period_end, next_due_date, cancel_at_period_end, created_at, updated_at) VALUES (?::uuid, "
         "?::uuid, ?::uuid, 'other', 'Plan', ?, 'EUR', ?, ?, ?, 1, now(), ?::date - 30, ?::date, ?::date, ?, "
         "now(), now())"_s,
         {f.tenantId, s.customer, s.product, cycle, price, quantity, status, nextDue, nextDue, nextDue,
          ending});
}

int s_pod = 0;

void pod(ConsoleFixture &f, const Seeded &s, const QString &status)
{
    exec(f,
         u"INSERT INTO cloud_pods (tenant_id, customer_id, template_id, hostname, status, created_at, "
         u"updated_at) "
         "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, now(), now())"_s,
         {f.tenantId, s.customer, s.templateId, u"pod%1"_s.arg(++s_pod), status});
}

void job(ConsoleFixture &f, const QString &status, const QDateTime &finished)
{
    exec(f,
         u"INSERT INTO jobs (tenant_id, kind, status, created_at, run_at, finished_at) VALUES (?::uuid, "
         "'console.test', ?::job_status, ?::timestamptz, ?::timestamptz, nullif(?, '')::timestamptz)"_s,
         {f.tenantId, status, kNow.addDays(-3).toString(Qt::ISODate), kNow.addDays(-3).toString(Qt::ISODate),
          finished.isValid() ? finished.toString(Qt::ISODate) : QString()});
}

Seeded seed(ConsoleFixture &f)
{
    Seeded s;
    s.customer = one(f,
                     u"INSERT INTO customers (tenant_id, name, email, created_at) VALUES (?::uuid, 'New', "
                     "'new@example.test', '2026-11-02T09:00:00Z') RETURNING id"_s,
                     {f.tenantId});
    exec(f,
         u"INSERT INTO customers (tenant_id, name, email, created_at) VALUES (?::uuid, 'Old', "
         "'old@example.test', '2026-10-15T09:00:00Z')"_s,
         {f.tenantId});
    s.product =
        one(f,
            u"INSERT INTO products (tenant_id, type, name, visibility) VALUES (?::uuid, 'other', 'Plan', "
            "'active') RETURNING id"_s,
            {f.tenantId});
    s.templateId =
        one(f, u"SELECT id FROM cloudpod_templates WHERE tenant_id = ?::uuid LIMIT 1"_s, {f.tenantId});

    invoice(f, s, u"paid"_s, u"EUR"_s, 1190, u"2026-11-10T10:00:00Z"_s);
    invoice(f, s, u"partially_refunded"_s, u"EUR"_s, 10, u"2026-11-01T00:30:00Z"_s);
    invoice(f, s, u"paid"_s, u"EUR"_s, 500, u"2026-10-05T10:00:00Z"_s);
    invoice(f, s, u"paid"_s, u"EUR"_s, 999, u"2025-11-30T10:00:00Z"_s); // before the 12 months
    invoice(f, s, u"refunded"_s, u"EUR"_s, 300, u"2026-11-11T10:00:00Z"_s);
    invoice(f, s, u"paid"_s, u"USD"_s, 2000, u"2026-11-12T10:00:00Z"_s);
    invoice(f, s, u"unpaid"_s, u"EUR"_s, 700, {}, u"2026-12-01"_s);
    invoice(f, s, u"unpaid"_s, u"EUR"_s, 400, {}, u"2026-11-20"_s); // overdue
    invoice(f, s, u"unpaid"_s, u"EUR"_s, 50, {}, u"2026-11-24"_s);  // due today: open, not overdue

    subscription(f, s, u"active"_s, u"monthly"_s, 499, 1, u"2026-11-27"_s);
    subscription(f, s, u"active"_s, u"annual"_s, 12000, 1, u"2027-05-01"_s);
    subscription(f, s, u"past_due"_s, u"quarterly"_s, 300, 2, u"2026-11-24"_s);
    subscription(f, s, u"active"_s, u"monthly"_s, 1000, 1, u"2026-11-25"_s, true); // ending: no renewal
    subscription(f, s, u"cancelled"_s, u"monthly"_s, 5000, 1, u"2026-11-26"_s);
    subscription(f, s, u"active"_s, u"monthly"_s, 100, 1, u"2026-12-01"_s); // the 8th day

    pod(f, s, u"active"_s);
    pod(f, s, u"active"_s);
    pod(f, s, u"error"_s);
    pod(f, s, u"terminated"_s);

    job(f, u"completed"_s, kNow.addSecs(-2 * 3600));
    job(f, u"completed"_s, kNow.addSecs(-3 * 3600));
    job(f, u"completed"_s, kNow.addSecs(-25 * 3600)); // the day before
    job(f, u"dead"_s, kNow.addSecs(-3600));
    job(f, u"failed"_s, kNow.addSecs(-1800));
    job(f, u"dead"_s, kNow.addSecs(-30 * 3600));
    job(f, u"queued"_s, {});
    return s;
}

dashboard::BusinessOverview load(ConsoleFixture &f)
{
    std::optional<Result<dashboard::BusinessOverview>> got;
    QObject context;
    commands::loadBusinessOverview(f.session.get(), &context,
                                   [&](const Result<dashboard::BusinessOverview> &r) { got = r; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 20000))
        qFatal("the overview did not load");
    if (!*got)
        qFatal("%s", qPrintable(got->error().message));
    return **got;
}

} // namespace

class TestConsoleDashboard : public QObject {
    Q_OBJECT

    ManualClock m_clock{kNow};
    std::unique_ptr<ScopedClock> m_scoped;

private Q_SLOTS:
    void initTestCase() { m_scoped = std::make_unique<ScopedClock>(m_clock); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void figuresCountWhatTheyClaim()
    {
        ConsoleFixture f(StaffRole::ReadOnly);
        seed(f);
        const dashboard::BusinessOverview o = load(f);
        QCOMPARE(o.today, QDate(2026, 11, 24));
        QCOMPARE(o.revenueByMonth.size(), 12);
        QCOMPARE(o.revenueByMonth.first().month, QDate(2025, 12, 1));
        QCOMPARE(o.revenueByMonth.last().month, QDate(2026, 11, 1));
        QCOMPARE(o.revenueThisMonth(), (dashboard::AmountsByCurrency{{u"EUR"_s, 1200}, {u"USD"_s, 2000}}));
        QCOMPARE(o.revenueByMonth.at(10).amounts, (dashboard::AmountsByCurrency{{u"EUR"_s, 500}}));
        for (int i = 0; i < 10; ++i)
            QVERIFY(o.revenueByMonth.at(i).amounts.isEmpty());
        // 499 + 12000/12 + 300*2/3 + 1000 (ending, still billed) + 100.
        QCOMPARE(o.mrr, (dashboard::AmountsByCurrency{{u"EUR"_s, 2799}}));
        QCOMPARE(o.open.count, 3);
        QCOMPARE(o.open.amounts, (dashboard::AmountsByCurrency{{u"EUR"_s, 1150}}));
        QCOMPARE(o.overdue.count, 1);
        QCOMPARE(o.overdue.amounts, (dashboard::AmountsByCurrency{{u"EUR"_s, 400}}));
        QCOMPARE(o.renewalsDue.count, 2);
        QCOMPARE(o.renewalsDue.amounts, (dashboard::AmountsByCurrency{{u"EUR"_s, 1099}}));
        QCOMPARE(o.newCustomers, 1);
        QCOMPARE(o.podsByState,
                 (QMap<QString, qint64>{{u"active"_s, 2}, {u"error"_s, 1}, {u"terminated"_s, 1}}));
        QCOMPARE(o.jobsCompleted, 2);
        QCOMPARE(o.jobsFailed, 2);
        QCOMPARE(o.jobsWaiting, 1);
    }

    void emptyTenantShowsZeros()
    {
        ConsoleFixture f;
        const dashboard::BusinessOverview o = load(f);
        QVERIFY(o.mrr.isEmpty());
        QCOMPARE(o.open.count, 0);
        QCOMPARE(o.revenueByMonth.size(), 12);
        BusinessOverviewPanel panel(f.session.get(), {});
        QSignalSpy loaded(&panel, &BusinessOverviewPanel::loaded);
        panel.reload();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(panel.tile(u"revenue"_s)->value(), u"–"_s);
        QCOMPARE(panel.tile(u"open"_s)->value(), u"0"_s);
        QCOMPARE(panel.tile(u"pods"_s)->detail(), u"none yet"_s);
    }

    void revenueModelPassesTheTester()
    {
        RevenueMonthModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<dashboard::MonthRevenue> months;
        for (int i = 0; i < 12; ++i)
            months.append({QDate(2026, 1, 1).addMonths(i), {}});
        months[3].amounts = {{u"EUR"_s, 1234}, {u"USD"_s, 99}};
        months[5].amounts = {{u"JPY"_s, 500}};
        model.setMonths(months);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.currencies(), (QStringList{u"EUR"_s, u"JPY"_s, u"USD"_s}));
        QCOMPARE(model.index(3, 0).data(RevenueMonthModel::ChartValueRole).toDouble(), 12.34);
        QCOMPARE(model.index(5, 1).data(RevenueMonthModel::ChartValueRole).toDouble(), 500.0);
        QCOMPARE(model.index(0, 0).data(RevenueMonthModel::ChartValueRole).toDouble(), 0.0);
        model.setMonths({});
        QCOMPARE(model.columnCount(), 0);
    }

    void tilesShowMoneyInTheLocaleAndOpenTheirSection_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("mrr");
        QTest::newRow("English") << u"en_US"_s << u"€11.50"_s << u"€27.99"_s;
        QTest::newRow("German") << u"de_DE"_s << u"11,50\u00a0€"_s << u"27,99\u00a0€"_s;
    }
    void tilesShowMoneyInTheLocaleAndOpenTheirSection()
    {
        QFETCH(QString, locale);
        QFETCH(QString, open);
        QFETCH(QString, mrr);
        QLocale::setDefault(QLocale(locale));
        ConsoleFixture f;
        seed(f);
        QList<QPair<QString, QVariant>> ran;
        BusinessOverviewPanel panel(f.session.get(), [&](const QString &command, const QVariant &argument) {
            ran.append({command, argument});
            return true;
        });
        QSignalSpy loaded(&panel, &BusinessOverviewPanel::loaded);
        panel.reload();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(panel.tile(u"open"_s)->value(), u"3"_s);
        QCOMPARE(panel.tile(u"open"_s)->detail(), open);
        QCOMPARE(panel.tile(u"mrr"_s)->value(), mrr);
        QVERIFY(panel.tile(u"revenue"_s)->value().contains(u"$"_s));
        QCOMPARE(panel.revenue()->rowCount(), 12);
        QCOMPARE(panel.chart()->chart()->series().size(), 1);

        QTest::mouseClick(panel.tile(u"overdue"_s), Qt::LeftButton);
        QTest::mouseClick(panel.tile(u"pods"_s), Qt::LeftButton);
        QTest::mouseClick(panel.tile(u"customers"_s), Qt::LeftButton);
        QCOMPARE(ran.size(), 3);
        QCOMPARE(ran.at(0).first, u"billing.invoices"_s);
        QCOMPARE(ran.at(0).second.toMap().value(u"overdue"_s).toBool(), true);
        QCOMPARE(ran.at(0).second.toMap().value(u"status"_s).toString(), u"unpaid"_s);
        QCOMPARE(ran.at(1), (QPair<QString, QVariant>{kShowSectionCommand, u"provisioning"_s}));
        QCOMPARE(ran.at(2), (QPair<QString, QVariant>{kShowSectionCommand, u"customers"_s}));
        // Every command a tile runs is one the console offers.
        const ConsoleSections sections = consoleSections();
        QVERIFY(sections.offering(u"billing.invoices"_s));
        for (const QString &id : {u"subscriptions"_s, u"customers"_s, u"provisioning"_s, u"jobs"_s})
            QVERIFY2(sections.find(id), qPrintable(id));
    }

    // A payment arriving elsewhere (the webhook) reaches the open Dashboard through the change feed.
    void followsTheChangeFeed()
    {
        ConsoleFixture f;
        const Seeded s = seed(f);
        ChangeFeed feed;
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        feed.start(f.session->staffSettings(), f.tenantId, consoleSections().channels());
        QVERIFY(listening.wait(20000));
        DashboardPage page(f.session.get(), &feed);
        QTRY_COMPARE_WITH_TIMEOUT(page.overview()->tile(u"open"_s)->value(), u"3"_s, 20000);
        exec(
            f,
            u"UPDATE invoices SET status = 'paid', paid_at = '2026-11-24T11:00:00Z' WHERE due_date = '2026-11-20'"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page.overview()->tile(u"open"_s)->value(), u"2"_s, 20000);
        QCOMPARE(page.overview()->tile(u"overdue"_s)->value(), u"0"_s);
        Q_UNUSED(s);
    }
};

QTEST_MAIN(TestConsoleDashboard)
#include "tst_console_dashboard.moc"
