// Monitoring at scale: samples of N nodes x M metrics ingested every 10 s through the poll job's
// own write (writeNodeSamples: one statement per node and scrape, one transaction per round), the
// 5-minute rollup over them, and the series query over 30 days. Each beside its anchor, in the
// same run on the same database: the same rows by one set-based INSERT per round (the floor for
// storing them), and the 30-day series read from raw 10 s samples (what it costs without the
// rollups). Not a test: run by bench/run-monitoring-bench (see bench/README.md).
//
//   mpanel-bench-monitoring --database-url postgresql://user@127.0.0.1:5432/db
//                           [--nodes 1000] [--metrics 50] [--rounds 30] [--series-nodes 10]
//
// "Share of a core" is CPU seconds (this client's plus its PostgreSQL backend's, from
// getrusage and /proc) per second of the 10 s schedule: 1.0 would be one core kept busy.
// Prints one tab-separated "RESULT  section  metric  value  unit  how" line per figure.
#include "core/clock.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_sql_values.h"
#include "monitoring/monitoring_store.h"
#include "monitoring/node_poll.h"
#include "support/bench_database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace mp;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mpanel-bench-monitoring: %s\n", qPrintable(message));
    return 1;
}

void result(const QString &section, const QString &metric, double value, const QString &unit,
            const QString &how)
{
    std::printf("RESULT\t%s\t%s\t%.4f\t%s\t%s\n", qPrintable(section), qPrintable(metric), value,
                qPrintable(unit), qPrintable(how));
    std::fflush(stdout);
}

double clientCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// utime + stime of a process on this machine (the PostgreSQL backend serving the bench).
double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", utime and stime are the 12th and 13th fields.
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

struct Cpu {
    qint64 backend = 0;
    double client = 0, server = 0;
    QElapsedTimer wall;
    void start()
    {
        client = clientCpuSeconds();
        server = processCpuSeconds(backend);
        wall.start();
    }
    double seconds() const { return clientCpuSeconds() - client + processCpuSeconds(backend) - server; }
};

Result<qint64> scalar(const QSqlDatabase &db, const QString &text, const QVariantList &binds = {})
{
    auto q = sql::exec(db, text, binds);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL (schema owner)."),
          QStringLiteral("url")},
         {QStringLiteral("nodes"), QStringLiteral("Nodes."), QStringLiteral("n"), QStringLiteral("1000")},
         {QStringLiteral("metrics"), QStringLiteral("Metrics per node."), QStringLiteral("n"),
          QStringLiteral("50")},
         {QStringLiteral("rounds"), QStringLiteral("Scrape rounds (10 s apart)."), QStringLiteral("n"),
          QStringLiteral("30")},
         {QStringLiteral("series-nodes"), QStringLiteral("Nodes with 30 days of 5-minute buckets."),
          QStringLiteral("n"), QStringLiteral("10")}});
    parser.process(app);
    const int nodes = parser.value(QStringLiteral("nodes")).toInt();
    const int metrics = parser.value(QStringLiteral("metrics")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();
    const int seriesNodes = qMin(nodes, parser.value(QStringLiteral("series-nodes")).toInt());
    auto bench = bench::openBenchDatabase(parser.value(QStringLiteral("database-url")));
    if (!bench)
        return fail(bench.error().message);
    QSqlDatabase db = bench->db;
    const QString tenant = bench->tenantId;
    // A fixed day, so the partitions are the same in every run.
    const QDateTime t0(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc());
    const auto ts = [](const QDateTime &t) { return jobsql::timestamp(t); };
    if (auto q = sql::exec(
            db,
            QStringLiteral("INSERT INTO monitoring_nodes (tenant_id, name, exporter_url, enabled, "
                           "created_at) SELECT ?::uuid, 'node-' || lpad(i::text, 5, '0'), "
                           "'http://10.0.' || (i / 250) || '.' || (i % 250) || ':9100/metrics', false, "
                           "now() FROM generate_series(1, ?) AS i"),
            {tenant, nodes});
        !q)
        return fail(q.error().message);
    if (auto q = sql::exec(db, QStringLiteral("SELECT mpanel_monitoring_prepare_partitions(?::timestamptz)"),
                           {ts(t0)});
        !q)
        return fail(q.error().message);
    QStringList nodeIds;
    {
        auto q = sql::exec(db, QStringLiteral("SELECT id::text FROM monitoring_nodes ORDER BY name"));
        if (!q)
            return fail(q.error().message);
        while (q->next())
            nodeIds << q->value(0).toString();
    }
    auto backend = scalar(db, QStringLiteral("SELECT pg_backend_pid()"));
    if (!backend)
        return fail(backend.error().message);
    Cpu cpu;
    cpu.backend = *backend;
    const double scheduleSeconds = 10.0 * rounds;

    // mPanel: each node's scrape in its own statement, a round in one tenant transaction.
    monitoring::NodeReading reading;
    for (int m = 0; m < metrics; ++m)
        reading.values.append({QStringLiteral("metric_%1").arg(m), 0});
    cpu.start();
    for (int r = 0; r < rounds; ++r) {
        auto tx = TenantTransaction::begin(db, tenant);
        if (!tx)
            return fail(tx.error().message);
        for (const QString &node : std::as_const(nodeIds)) {
            for (auto &value : reading.values)
                value.second = QRandomGenerator::global()->bounded(100.0);
            if (auto s = monitoring::writeNodeSamples(tx->db(), tenant, node, reading, t0.addSecs(10 * r));
                !s)
                return fail(s.error().message);
        }
        if (auto s = tx->commit(); !s)
            return fail(s.error().message);
    }
    const double ingestCpu = cpu.seconds();
    const double ingestWall = double(cpu.wall.elapsed()) / 1000;
    const QString shape =
        QStringLiteral("%1 nodes x %2 metrics, %3 rounds").arg(nodes).arg(metrics).arg(rounds);
    result(QStringLiteral("ingest"), QStringLiteral("mpanel share of a core"), ingestCpu / scheduleSeconds,
           QStringLiteral("cores"), QStringLiteral("writeNodeSamples per node, %1").arg(shape));
    result(QStringLiteral("ingest"), QStringLiteral("mpanel seconds per round"), ingestWall / rounds,
           QStringLiteral("s"), QStringLiteral("wall time of one 10 s round"));

    // The anchor: the same rows, one set-based INSERT per round.
    cpu.start();
    for (int r = 0; r < rounds; ++r) {
        if (auto q = sql::exec(
                db,
                QStringLiteral("INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value) "
                               "SELECT n.tenant_id, n.id, 'metric_' || m, ?::timestamptz, random() * 100 "
                               "FROM monitoring_nodes n, generate_series(0, ? - 1) AS m"),
                {ts(t0.addSecs(10 * (rounds + r))), metrics});
            !q)
            return fail(q.error().message);
    }
    const double anchorCpu = cpu.seconds();
    result(QStringLiteral("ingest"), QStringLiteral("anchor share of a core"), anchorCpu / scheduleSeconds,
           QStringLiteral("cores"), QStringLiteral("one INSERT ... SELECT per round, same rows"));
    result(QStringLiteral("ingest"), QStringLiteral("ratio mpanel/anchor"), ingestCpu / qMax(anchorCpu, 1e-9),
           QStringLiteral("x"), QStringLiteral("CPU seconds"));

    // The 5-minute rollup of both halves (2 x rounds scrapes), per 5 minutes of samples.
    const QDateTime dataEnd = t0.addSecs(10 * 2 * rounds);
    if (auto q =
            sql::exec(db,
                      QStringLiteral("INSERT INTO monitoring_rollup_marks VALUES ('5m', ?::timestamptz), "
                                     "('1h', ?::timestamptz)"),
                      {ts(t0), ts(t0)});
        !q)
        return fail(q.error().message);
    cpu.start();
    auto rolled = scalar(db, QStringLiteral("SELECT mpanel_monitoring_rollup(?::timestamptz)"),
                         {ts(dataEnd.addSecs(300 + 120))});
    if (!rolled)
        return fail(rolled.error().message);
    const double rollupCpu = cpu.seconds();
    const double fiveMinuteSpans = double(2 * rounds * 10) / 300.0;
    result(QStringLiteral("rollup"), QStringLiteral("share of a core"), rollupCpu / fiveMinuteSpans / 300.0,
           QStringLiteral("cores"),
           QStringLiteral("mpanel_monitoring_rollup, %1 buckets written for %2 min of samples")
               .arg(*rolled)
               .arg(2 * rounds * 10 / 60));

    // 30 days of 5-minute buckets for a few nodes' metrics; 30 days of raw samples for one.
    const QDateTime seriesEnd = t0.addDays(40);
    const QDateTime seriesStart = seriesEnd.addDays(-30);
    for (QDateTime day = seriesStart.addDays(-1); day <= seriesEnd; day = day.addDays(1)) {
        if (auto q = sql::exec(
                db,
                QStringLiteral("SELECT mpanel_monitoring_rollup_partition('monitoring_samples_5m', "
                               "?::timestamptz), mpanel_monitoring_prepare_partitions(?::timestamptz)"),
                {ts(day), ts(day)});
            !q)
            return fail(q.error().message);
    }
    QElapsedTimer fill;
    fill.start();
    if (auto q = sql::exec(
            db,
            QStringLiteral(
                "INSERT INTO monitoring_samples_5m (tenant_id, node_id, metric, at, value, min_value, "
                "max_value, samples) "
                "SELECT n.tenant_id, n.id, 'metric_' || m, t, random() * 100, 0, 100, 30 "
                "FROM (SELECT * FROM monitoring_nodes ORDER BY name LIMIT ?) n, "
                "generate_series(0, 9) AS m, "
                "generate_series(?::timestamptz, ?::timestamptz - interval '5 minutes', "
                "interval '5 minutes') AS t"),
            {seriesNodes, ts(seriesStart), ts(seriesEnd)});
        !q)
        return fail(q.error().message);
    if (auto q = sql::exec(
            db,
            QStringLiteral("INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value) "
                           "SELECT tenant_id, id, 'raw_30d', t, random() * 100 "
                           "FROM (SELECT * FROM monitoring_nodes ORDER BY name LIMIT 1) n, "
                           "generate_series(?::timestamptz, ?::timestamptz - interval '10 seconds', "
                           "interval '10 seconds') AS t"),
            {ts(seriesStart), ts(seriesEnd)});
        !q)
        return fail(q.error().message);
    if (auto q = sql::exec(db, QStringLiteral("ANALYZE monitoring_samples_5m, monitoring_samples")); !q)
        return fail(q.error().message);
    std::fprintf(stderr, "filled the 30-day series in %.1f s\n", double(fill.elapsed()) / 1000);
    const qint64 step = 30 * 86400 / 2000; // the API's most points per answer
    const auto timeSeries = [&](const QString &node, const QString &metric, const QDateTime &now,
                                int *points) -> Result<double> {
        QList<double> runs;
        for (int i = 0; i < 21; ++i) {
            auto tx = TenantTransaction::begin(db, tenant);
            if (!tx)
                return tx.error();
            QElapsedTimer t;
            t.start();
            auto s = monitoring::MonitoringStore::series(tx->db(), node, metric, seriesStart, seriesEnd, step,
                                                         now);
            runs << double(t.nsecsElapsed()) / 1e6;
            if (!s)
                return s.error();
            *points = int(s->size());
            if (auto c = tx->commit(); !c)
                return c.error();
        }
        return median(runs);
    };
    int points = 0;
    auto fromRollup = timeSeries(nodeIds.at(0), QStringLiteral("metric_3"), seriesEnd, &points);
    if (!fromRollup)
        return fail(fromRollup.error().message);
    result(QStringLiteral("series 30 days"), QStringLiteral("mpanel ms"), *fromRollup, QStringLiteral("ms"),
           QStringLiteral("MonitoringStore::series from the 5-minute rollup, %1 points, median of 21")
               .arg(points));
    // now = from: the raw table answers, as it would without the rollups.
    auto fromRaw = timeSeries(nodeIds.at(0), QStringLiteral("raw_30d"), seriesStart, &points);
    if (!fromRaw)
        return fail(fromRaw.error().message);
    result(QStringLiteral("series 30 days"), QStringLiteral("anchor ms"), *fromRaw, QStringLiteral("ms"),
           QStringLiteral("the same query over 30 days of raw 10 s samples, %1 points, median of 21")
               .arg(points));
    result(QStringLiteral("series 30 days"), QStringLiteral("ratio mpanel/anchor"),
           *fromRollup / qMax(*fromRaw, 1e-9), QStringLiteral("x"), QStringLiteral("milliseconds"));
    return 0;
}
