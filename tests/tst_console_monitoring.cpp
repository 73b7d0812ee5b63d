// The console's Monitoring section, signed in as staff: the node charts and the checks' status
// board are read on the session's thread from what the poll job stored, the empty state says how
// to start, and the check model passes QAbstractItemModelTester. MPANEL_SCREENSHOT=path.png saves
// the page as drawn (offscreen).
#include "check_status_model.h"
#include "monitoring/monitoring_page.h"
#include "monitoring/node_chart.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>

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

        page.resize(1200, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QString path = QString::fromLocal8Bit(qgetenv("MPANEL_SCREENSHOT"));
        if (path.isEmpty())
            path = QDir::temp().filePath(u"tst_console_monitoring.png"_s);
        QVERIFY(page.grab().save(path));
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
