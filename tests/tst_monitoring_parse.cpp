// Monitoring's pure parts: the Prometheus text format (labels, escapes, special values, a page
// that is not an exposition refused), node readings from node_exporter's names (rates need two
// scrapes, a counter reset gives none), and the damping of check status.
#include "monitoring/check_state.h"
#include "monitoring/monitoring_errors.h"
#include "monitoring/node_metrics.h"
#include "monitoring/prometheus_text.h"

#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace mp;
using namespace mp::monitoring;

namespace {

const QDateTime kT0(QDate(2026, 5, 4), QTime(12, 0), QTimeZone::utc());

QByteArray exporterPage(double idle, double user, double rx, double avail)
{
    return QByteArray("# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.\n"
                      "# TYPE node_cpu_seconds_total counter\n") +
           "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} " + QByteArray::number(idle) + "\n" +
           "node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} " + QByteArray::number(user) + "\n" +
           "node_cpu_seconds_total{cpu=\"0\",mode=\"iowait\"} 0\n"
           "node_network_receive_bytes_total{device=\"eth0\"} " +
           QByteArray::number(rx, 'f', 0) +
           "\n"
           "node_network_receive_bytes_total{device=\"lo\"} 99999999\n"
           "node_network_transmit_bytes_total{device=\"eth0\"} 0\n"
           "node_memory_MemTotal_bytes 1.6e+10\n"
           "node_memory_MemAvailable_bytes " +
           QByteArray::number(avail, 'g', 12) +
           "\n"
           "node_load1 0.5\nnode_load5 0.25\nnode_load15 0.125\n"
           "node_filesystem_size_bytes{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"} 1000\n"
           "node_filesystem_avail_bytes{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"} 250\n"
           "node_filesystem_size_bytes{device=\"tmpfs\",fstype=\"tmpfs\",mountpoint=\"/run\"} 1000\n"
           "node_filesystem_avail_bytes{device=\"tmpfs\",fstype=\"tmpfs\",mountpoint=\"/run\"} 0\n";
}

std::optional<double> valueOf(const NodeReading &r, const QString &metric)
{
    for (const auto &[name, value] : r.values) {
        if (name == metric)
            return value;
    }
    return std::nullopt;
}

CheckResult result(const char *r)
{
    return CheckResult{QString::fromLatin1(r), 10, {}};
}

} // namespace

class TestMonitoringParse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSamplesLabelsAndSpecialValues()
    {
        const QByteArray text =
            "# HELP x_total A counter.\n"
            "# TYPE x_total counter\n"
            "x_total{path=\"/a\",code=\"200\"} 3\n"
            "x_total{ path = \"quote \\\" slash \\\\ nl \\n\" , code=\"500\", } 1.5e3 1712345678000\n"
            "\n"
            "up 1\r\n"
            "nan_metric NaN\n"
            "inf_metric{le=\"+Inf\"} +Inf\n"
            "neg -Inf\n"
            "ns:rule_name 7\n";
        auto e = parsePrometheusText(text);
        QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message));
        QCOMPARE(e->samples.size(), 7);
        QCOMPARE(e->types.value(QStringLiteral("x_total")), QStringLiteral("counter"));
        QCOMPARE(*e->value(QStringLiteral("x_total"), {{QStringLiteral("code"), QStringLiteral("200")}}),
                 3.0);
        const PromSample second = e->samples.at(1);
        QCOMPARE(second.value, 1500.0);
        QCOMPARE(second.label(QStringLiteral("path")), QStringLiteral("quote \" slash \\ nl \n"));
        QCOMPARE(*e->value(QStringLiteral("up")), 1.0);
        QVERIFY(std::isnan(*e->value(QStringLiteral("nan_metric"))));
        QVERIFY(std::isinf(*e->value(QStringLiteral("inf_metric"))));
        QVERIFY(*e->value(QStringLiteral("neg")) < 0);
        QCOMPARE(*e->value(QStringLiteral("ns:rule_name")), 7.0);
        QVERIFY(!e->value(QStringLiteral("x_total"), {{QStringLiteral("code"), QStringLiteral("404")}}));
    }

    void refusesWhatIsNotAnExposition_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("html") << QByteArray("<html><body>login</body></html>\n");
        QTest::newRow("no value") << QByteArray("up\n");
        QTest::newRow("word value") << QByteArray("up one\n");
        QTest::newRow("unclosed labels") << QByteArray("up{a=\"b\" 1\n");
        QTest::newRow("unquoted label") << QByteArray("up{a=b} 1\n");
        QTest::newRow("bad escape") << QByteArray("up{a=\"\\q\"} 1\n");
        QTest::newRow("repeated label") << QByteArray("up{a=\"1\",a=\"2\"} 1\n");
        QTest::newRow("trailing text") << QByteArray("up 1 2 3\n");
        QTest::newRow("digit first") << QByteArray("1up 1\n");
    }

    void refusesWhatIsNotAnExposition()
    {
        QFETCH(QByteArray, text);
        auto e = parsePrometheusText(QByteArray("ok 1\n") + text);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QString::fromLatin1(errors::InvalidExposition.name));
        QVERIFY2(e.error().message.startsWith(QStringLiteral("line 2")), qPrintable(e.error().message));
    }

    void writtenLinesParseBack()
    {
        const QByteArray line =
            promLine(QStringLiteral("m"), {{QStringLiteral("k"), QStringLiteral("a\"b\\c\nd")}}, 0.1);
        auto e = parsePrometheusText(line);
        QVERIFY(e.ok());
        QCOMPARE(e->samples.at(0).label(QStringLiteral("k")), QStringLiteral("a\"b\\c\nd"));
        QCOMPARE(e->samples.at(0).value, 0.1);
    }

    void nodeReadingNeedsTwoScrapesForRates()
    {
        auto first = parsePrometheusText(exporterPage(100, 100, 1000, 4e9));
        QVERIFY(first.ok());
        const NodeReading a = readNode(*first, {}, kT0);
        QVERIFY(!valueOf(a, metrics::CpuPercent));
        QVERIFY(!valueOf(a, metrics::NetReceive));
        QCOMPARE(*valueOf(a, metrics::MemoryPercent), 75.0);
        QCOMPARE(*valueOf(a, metrics::Load5), 0.25);
        // tmpfs is full but not a disk: the fullest real filesystem is / at 75 %.
        QCOMPARE(*valueOf(a, metrics::DiskPercent), 75.0);

        // 10 s later: 3 s idle and 7 s user -> 70 % busy; eth0 received 5000 bytes (lo ignored).
        auto second = parsePrometheusText(exporterPage(103, 107, 6000, 8e9));
        QVERIFY(second.ok());
        const NodeReading b = readNode(*second, a.counters, kT0.addSecs(10));
        QCOMPARE(*valueOf(b, metrics::CpuPercent), 70.0);
        QCOMPARE(*valueOf(b, metrics::NetReceive), 500.0);
        QCOMPARE(*valueOf(b, metrics::MemoryPercent), 50.0);

        // The node rebooted: counters went back, so there is no rate this time.
        auto reset = parsePrometheusText(exporterPage(1, 1, 10, 8e9));
        const NodeReading c = readNode(*reset, b.counters, kT0.addSecs(20));
        QVERIFY(!valueOf(c, metrics::CpuPercent));
        QVERIFY(!valueOf(c, metrics::NetReceive));
    }

    void checksGoDownAndUpOnlyAfterTheirThresholds()
    {
        CheckDefinition check;
        check.failThreshold = 2;
        check.recoverThreshold = 3;
        CheckState s;
        CheckStep step = advance(s, result("up"), check);
        QCOMPARE(step.next.status, QStringLiteral("up"));
        QVERIFY(!step.wentDown && !step.cameUp);

        step = advance(step.next, result("down"), check);
        QCOMPARE(step.next.status, QStringLiteral("up")); // one failure is not down yet
        QVERIFY(!step.wentDown);
        step = advance(step.next, result("up"), check); // and a good answer forgets it
        step = advance(step.next, result("down"), check);
        QCOMPARE(step.next.status, QStringLiteral("up"));
        step = advance(step.next, result("down"), check);
        QCOMPARE(step.next.status, QStringLiteral("down"));
        QVERIFY(step.wentDown);
        step = advance(step.next, result("down"), check);
        QVERIFY(!step.wentDown); // down stays down without a second transition

        step = advance(step.next, result("up"), check);
        step = advance(step.next, result("degraded"), check);
        QCOMPARE(step.next.status, QStringLiteral("down"));
        QVERIFY(!step.cameUp);
        step = advance(step.next, result("degraded"), check);
        QVERIFY(step.cameUp);
        QCOMPARE(step.next.status, QStringLiteral("degraded"));
    }
};

QTEST_GUILESS_MAIN(TestMonitoringParse)
#include "tst_monitoring_parse.moc"
