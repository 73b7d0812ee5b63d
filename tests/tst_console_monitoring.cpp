// The console's Monitoring section, signed in as staff: the node charts and the checks' status
// board are read on the session's thread from what the poll job stored, the empty state says how
// to start, and the check model passes QAbstractItemModelTester. MPANEL_SCREENSHOT=path.png saves
// the page as drawn (offscreen).
#include "alert_table_model.h"
#include "check_status_model.h"
#include "dashboard/dashboard_page.h"
#include "monitoring/customer_alerts_part.h"
#include "monitoring/monitoring_overview.h"
#include "monitoring/monitoring_page.h"
#include "monitoring/node_chart.h"
#include "slow_query_model.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>

using namespace mp;
using namespace mp::test;
using namespace Qt::StringLiterals;

class TestConsoleMonitoring : public QObject {
    Q_OBJECT

    // A node with an hour of samples every 30 s, and three checks in each state.
    static void seed(ConsoleFixture &f)
    {
        auto run = [&](const QString &text) {
            auto q = sql::exec(f.service, text, {f.tenantId});
            if (!q)
                qFatal("%s", qPrintable(q.error().message));
        };
        run(u"SELECT mpanel_monitoring_prepare_partitions(now() - interval '1 hour'), "
            "mpanel_monitoring_prepare_partitions(now()), ?::uuid"_s);
        run(u"INSERT INTO monitoring_nodes (tenant_id, name, exporter_url, status, last_scrape_at, "
            u"created_at) "
            "VALUES (?::uuid, 'pve1', 'http://10.0.0.5:9100/metrics', 'up', now(), now())"_s);
        run(u"INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value) "
            "SELECT n.tenant_id, n.id, m.metric, t, "
            "  CASE m.metric WHEN 'cpu_percent' THEN 35 + 25 * sin(extract(epoch FROM t) / 400) "
            "                WHEN 'memory_percent' THEN 62 + 3 * cos(extract(epoch FROM t) / 900) "
            "                WHEN 'disk_percent' THEN 48 "
            "                WHEN 'load1' THEN 1.5 + sin(extract(epoch FROM t) / 300) "
            "                WHEN 'load5' THEN 1.4 + 0.5 * sin(extract(epoch FROM t) / 600) "
            "                ELSE 1.3 END "
            "FROM monitoring_nodes n, generate_series(now() - interval '59 minutes', now(), interval '30 "
            "seconds') t, "
            "     unnest('{cpu_percent,memory_percent,disk_percent,load1,load5,load15}'::text[]) AS "
            "m(metric) "
            "WHERE n.tenant_id = ?::uuid"_s);
        run(u"INSERT INTO monitoring_checks (tenant_id, name, kind, target, created_at) VALUES "
            "(?::uuid, 'shop.example.com', 'http', 'https://shop.example.com/health', now()), "
            "((SELECT id FROM tenants LIMIT 1), 'mail.example.com:993', 'tls', 'mail.example.com:993', "
            "now()), "
            "((SELECT id FROM tenants LIMIT 1), 'db.example.com:5432', 'tcp', 'db.example.com:5432', now())"_s);
        run(u"INSERT INTO monitoring_service_status (check_id, tenant_id, status, last_result, latency_ms, "
            u"message, "
            "  checked_at, changed_at) "
            "SELECT id, tenant_id, CASE kind WHEN 'http' THEN 'up' WHEN 'tls' THEN 'degraded' ELSE 'down' "
            "END, "
            "  CASE kind WHEN 'http' THEN 'up' WHEN 'tls' THEN 'degraded' ELSE 'down' END, "
            "  CASE kind WHEN 'tcp' THEN NULL ELSE 42 END, "
            "  CASE kind WHEN 'http' THEN 'HTTP 200' WHEN 'tls' THEN 'certificate expires in 9 day(s)' "
            "       ELSE 'Connection refused' END, now(), now() "
            "FROM monitoring_checks WHERE tenant_id = ?::uuid"_s);
        run(u"INSERT INTO monitoring_alerts (tenant_id, check_id, kind, subject, opened_at) "
            "SELECT tenant_id, id, 'check_down', name, now() FROM monitoring_checks "
            "WHERE tenant_id = ?::uuid AND kind = 'tcp'"_s);
        run(u"INSERT INTO monitoring_alerts (tenant_id, node_id, kind, subject, message, subject_key, "
            u"opened_at, "
            "closed_at) SELECT tenant_id, id, 'disk_full', name, 'the fullest filesystem is 93.0% full', "
            "id::text, "
            "now() - interval '3 hours', now() - interval '2 hours' FROM monitoring_nodes WHERE tenant_id = ?::uuid"_s);
        run(u"INSERT INTO monitoring_slow_queries (queryid, query, calls, mean_ms, max_ms, first_seen, "
            u"last_seen) "
            "SELECT 4242, 'SELECT * FROM invoices WHERE customer_id = $1 ORDER BY issued_at DESC', 12, "
            "340.5, "
            "900.25, now() - interval '1 hour', now() WHERE ?::uuid IS NOT NULL "
            "ON CONFLICT (queryid) DO NOTHING"_s);
    }

    static void screenshot(QWidget &w, const QString &name)
    {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QString dir = QString::fromLocal8Bit(qgetenv("MPANEL_SCREENSHOT_DIR"));
        if (dir.isEmpty())
            dir = QDir::tempPath();
        QVERIFY(w.grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void showsChartsAndTheStatusBoard()
    {
        ConsoleFixture f;
        seed(f);
        MonitoringPage page(f.session.get(), nullptr);
        QAbstractItemModelTester tester(page.checks(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&page, &MonitoringPage::refreshed);
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!page.showsEmptyState());
        QCOMPARE(page.checks()->rowCount(), 3);
        QStringList statuses;
        for (int r = 0; r < 3; ++r)
            statuses << page.checks()->index(r, CheckStatusModel::Status).data().toString();
        statuses.sort();
        QCOMPARE(statuses, (QStringList{u"degraded"_s, u"down"_s, u"up"_s}));
        // 120 samples an hour, averaged into 12 s steps at least: three lines of at least 100 points each.
        QVERIFY2(page.usageChart()->pointCount() >= 300,
                 qPrintable(QString::number(page.usageChart()->pointCount())));
        QVERIFY(page.loadChart()->pointCount() >= 300);
        QVERIFY(page.findChild<QLabel *>(u"monitoringSummary"_s)->text().contains(u"1 service(s) down"_s));
        // The alerts (one open, one cleared) and the slow statements have their tabs.
        QAbstractItemModelTester alertsTester(page.alerts(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester slowTester(page.slowQueries(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.alerts()->rowCount(), 2);
        QCOMPARE(page.alerts()->openCount(), 1);
        QCOMPARE(page.alerts()->index(0, AlertTableModel::State).data().toString(), u"open"_s);
        QCOMPARE(page.alerts()->index(1, AlertTableModel::Kind).data().toString(), u"Disk full"_s);
        QCOMPARE(page.alerts()->index(1, AlertTableModel::State).data().toString(), u"cleared"_s);
        QCOMPARE(page.tabs()->tabText(1), u"Alerts (1 open)"_s);
        QCOMPARE(page.slowQueries()->rowCount(), 1);
        QCOMPARE(page.slowQueries()->index(0, SlowQueryModel::Calls).data().toString(),
                 QLocale().toString(12));
        QVERIFY(page.slowQueries()
                    ->index(0, SlowQueryModel::Query)
                    .data()
                    .toString()
                    .startsWith(u"SELECT * FROM invoices"_s));

        page.resize(1200, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QString path = QString::fromLocal8Bit(qgetenv("MPANEL_SCREENSHOT"));
        if (path.isEmpty())
            path = QDir::temp().filePath(u"tst_console_monitoring.png"_s);
        QVERIFY(page.grab().save(path));
        page.tabs()->setCurrentIndex(1);
        screenshot(page, u"tst_console_monitoring_alerts.png"_s);
        page.tabs()->setCurrentIndex(2);
        screenshot(page, u"tst_console_monitoring_slow_queries.png"_s);
    }

    void theDashboardShowsServicesDownAndOpenAlerts()
    {
        ConsoleFixture f;
        seed(f);
        DashboardPage page(f.session.get(), nullptr);
        QSignalSpy jobsLoaded(&page, &DashboardPage::loaded);
        QSignalSpy refreshed(page.monitoring(), &MonitoringOverview::refreshed);
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!jobsLoaded.isEmpty() || jobsLoaded.wait(20000));
        QVERIFY2(page.monitoring()->summaryText().contains(u"1 service(s) down"_s),
                 qPrintable(page.monitoring()->summaryText()));
        QVERIFY(page.monitoring()->summaryText().contains(u"1 degraded"_s));
        QVERIFY(page.monitoring()->summaryText().contains(u"1 open alert(s)"_s));
        QVERIFY(!page.monitoring()->showsAllClear());
        QCOMPARE(page.monitoring()->openAlerts()->rowCount(), 1); // the cleared disk alert is not on it
        QCOMPARE(page.monitoring()->openAlerts()->index(0, AlertTableModel::Subject).data().toString(),
                 u"db.example.com:5432"_s);
        page.resize(1200, 800);
        screenshot(page, u"tst_console_dashboard.png"_s);

        // Cleared: the overview says all is well.
        QVERIFY(sql::exec(f.service,
                          u"UPDATE monitoring_alerts SET closed_at = now() WHERE closed_at IS NULL"_s));
        page.monitoring()->reload();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(page.monitoring()->showsAllClear());
        QVERIFY(page.monitoring()->summaryText().contains(u"0 open alert(s)"_s));
    }

    void aCustomerDetailShowsTheAlertsOfTheirServices()
    {
        ConsoleFixture f;
        seed(f);
        const auto owner = f.addCustomer(u"Shop Owner"_s, u"owner@shop.example"_s);
        const auto other = f.addCustomer(u"Someone Else"_s, u"else@example.net"_s);
        QVERIFY(sql::exec(f.service,
                          u"UPDATE monitoring_alerts SET customer_id = ?::uuid WHERE kind = 'check_down'"_s,
                          {owner.id}));
        CustomerAlertsPart part(f.session.get(), nullptr);
        QSignalSpy loaded(&part, &CustomerAlertsPart::loaded);
        part.showRecord(owner.id);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(part.alerts()->rowCount(), 1);
        QCOMPARE(part.alerts()->index(0, AlertTableModel::Subject).data().toString(),
                 u"db.example.com:5432"_s);
        part.showRecord(other.id);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(part.alerts()->rowCount(), 0);
        QVERIFY(part.showsEmptyState());
    }

    void anEmptyTenantSaysHowToStart()
    {
        ConsoleFixture f(StaffRole::ReadOnly);
        MonitoringPage page(f.session.get(), nullptr);
        QSignalSpy refreshed(&page, &MonitoringPage::refreshed);
        QVERIFY(refreshed.wait(20000));
        QVERIFY(page.showsEmptyState());
        QCOMPARE(page.checks()->rowCount(), 0);
        QCOMPARE(page.usageChart()->pointCount(), 0);
    }
};

QTEST_MAIN(TestConsoleMonitoring)
#include "tst_console_monitoring.moc"
