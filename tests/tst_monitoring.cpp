// Monitoring against real servers on loopback, started once for this binary from the project's
// scripts: prometheus-node-exporter (tests/servers/node-exporter) and nginx with HTTP and TLS
// (tests/servers/nginx). The poll job's handler runs as the engine runs it (a JobContext over a
// tenant transaction) at times a manual clock sets: nodes are scraped into samples, checks flip
// down and back up after their thresholds, alerts open and close with their domain events and
// are damped when a check flaps, a down node silences its checks, old sample partitions are
// dropped whole, a slow statement is found in a pg_stat_statements window and a fast one is not,
// and /metrics parses as the Prometheus text format.
#include "core/clock.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "module/domain_events.h"
#include "monitoring/monitoring_poll.h"
#include "monitoring/prometheus_text.h"
#include "monitoring/slow_queries.h"
#include "support/script_server.h"
#include "support/service_fixture.h"

#include <QJsonArray>
#include <QMutex>
#include <QTimeZone>
#include <QUrlQuery>

using namespace mp;
using namespace mp::test;

namespace {

// Today, so the partitions the test makes are the ones production would make now.
const QDateTime kStart = QDateTime(QDate::currentDate(), QTime(12, 0), QTimeZone::utc());

struct SeenEvent {
    QString name;
    QString subject;
    QString check;
};

QMutex eventsLock;
QList<SeenEvent> seenEvents;

Status remember(TenantTransaction &, const events::DomainEvent &e, const QDateTime &)
{
    QMutexLocker lock(&eventsLock);
    seenEvents << SeenEvent{e.name, e.subjectId, e.data.value(QStringLiteral("check")).toString()};
    return {};
}

QList<SeenEvent> eventsFor(const QString &check)
{
    QMutexLocker lock(&eventsLock);
    QList<SeenEvent> out;
    for (const SeenEvent &e : std::as_const(seenEvents)) {
        if (e.check == check)
            out << e;
    }
    return out;
}

} // namespace

class TestMonitoring : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    ScriptServer m_exporter{QStringLiteral("node-exporter")};
    ScriptServer m_nginx{QStringLiteral("nginx")};
    QString m_tenant, m_admin, m_reader;

    QString httpBase() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_nginx.port(QStringLiteral("NGINX_HTTP_PORT")));
    }
    QString tlsTarget() const
    {
        return QStringLiteral("localhost:%1").arg(m_nginx.port(QStringLiteral("NGINX_HTTPS_PORT")));
    }

    // One run of the poll job's handler at the clock's time, committed as the engine commits it.
    void poll()
    {
        auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
        QVERIFY(tx.ok());
        JobContext ctx(1, m_tenant, monitoring::kinds::poll, {}, 1, 1, {},
                       [&]() -> Result<QSqlDatabase> { return tx->db(); });
        const Status s = monitoring::pollJob(ctx);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QVERIFY(tx->commit().ok());
    }

    // Polls at the clock's time plus `seconds`.
    void pollAfter(int seconds)
    {
        m_clock.advance(qint64(seconds) * 1000);
        poll();
    }

    QString addCheck(const QJsonObject &body)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/monitoring/checks"), m_admin, body);
        if (r.status != 201)
            qWarning("check: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }

    QString status(const QString &checkId)
    {
        return m_api.text(
            QStringLiteral("SELECT status FROM monitoring_service_status WHERE check_id = ?::uuid"),
            {checkId});
    }

    qint64 openAlerts(const QString &checkId)
    {
        return m_api.scalar(
            QStringLiteral(
                "SELECT count(*) FROM monitoring_alerts WHERE check_id = ?::uuid AND closed_at IS NULL"),
            {checkId});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        const Status exporter = m_exporter.start();
        QVERIFY2(exporter.ok(), exporter.ok() ? "" : qPrintable(exporter.error().message));
        const Status nginx = m_nginx.start();
        QVERIFY2(nginx.ok(), nginx.ok() ? "" : qPrintable(nginx.error().message));
        events::DomainEvents::listen(QStringLiteral("tst_monitoring"), events::MonitoringCheckDown,
                                     &remember);
        events::DomainEvents::listen(QStringLiteral("tst_monitoring"), events::MonitoringCheckUp, &remember);
        m_api.start(QStringLiteral("monitoring"));
        m_tenant = m_api.tenant(QStringLiteral("Monitoring Hosting"));
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
    }

    void badInputIsRefusedNamingTheField()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/monitoring/checks"), m_admin,
                            {{QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("kind"), QStringLiteral("tcp")},
                             {QStringLiteral("target"), QStringLiteral("no-port")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("target"));
        r = m_api.call("POST", QStringLiteral("/api/monitoring/checks"), m_admin,
                       {{QStringLiteral("name"), QStringLiteral("x")},
                        {QStringLiteral("kind"), QStringLiteral("http")},
                        {QStringLiteral("target"), httpBase()},
                        {QStringLiteral("interval_s"), 5}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("interval_s"));
        r = m_api.call("POST", QStringLiteral("/api/monitoring/nodes"), m_admin,
                       {{QStringLiteral("name"), QStringLiteral("n")},
                        {QStringLiteral("exporter_url"), QStringLiteral("ftp://x/metrics")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("exporter_url"));
        r = m_api.call("POST", QStringLiteral("/api/monitoring/nodes"), m_reader,
                       {{QStringLiteral("name"), QStringLiteral("n")},
                        {QStringLiteral("exporter_url"), QStringLiteral("http://127.0.0.1:1/metrics")}});
        QCOMPARE(r.status, 403);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_checks")), 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_nodes")), 0);
    }

    void aRealNodeExporterIsScrapedIntoSeries()
    {
        const QString url = QStringLiteral("http://127.0.0.1:%1/metrics")
                                .arg(m_exporter.port(QStringLiteral("NODE_EXPORTER_PORT")));
        const auto r = m_api.call("POST", QStringLiteral("/api/monitoring/nodes"), m_admin,
                                  {{QStringLiteral("name"), QStringLiteral("node-1")},
                                   {QStringLiteral("exporter_url"), url},
                                   {QStringLiteral("interval_s"), 10}});
        QCOMPARE(r.status, 201);
        const QString node = r.json().value(QStringLiteral("id")).toString();
        poll();
        QCOMPARE(m_api.text(QStringLiteral("SELECT status FROM monitoring_nodes WHERE id = ?::uuid"), {node}),
                 QStringLiteral("up"));
        // The first scrape has the gauges; rates need the second.
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid "
                                        "AND metric IN ('memory_percent', 'load1', 'disk_percent')"),
                         {node}),
            3);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid "
                                        "AND metric = 'cpu_percent'"),
                         {node}),
            0);
        pollAfter(5); // not due yet: its interval is 10 s
        QCOMPARE(
            m_api.scalar(
                QStringLiteral("SELECT count(DISTINCT at) FROM monitoring_samples WHERE node_id = ?::uuid"),
                {node}),
            1);
        // The exporter's CPU counters move on real time (in 10 ms ticks): two scrapes with no
        // real time between them have no CPU delta, and rightly store no CPU sample.
        QTest::qWait(1100);
        pollAfter(5);
        QTest::qWait(1100);
        pollAfter(10);
        const qint64 cpu = m_api.scalar(
            QStringLiteral(
                "SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid AND metric = 'cpu_percent' "
                "AND value BETWEEN 0 AND 100"),
            {node});
        QCOMPARE(cpu, 2);

        // The overview and the series answer what was stored.
        auto overview = m_api.call("GET", QStringLiteral("/api/monitoring/overview"), m_reader);
        QCOMPARE(overview.status, 200);
        const QJsonObject n = overview.json().value(QStringLiteral("nodes")).toArray().at(0).toObject();
        QCOMPARE(n.value(QStringLiteral("status")).toString(), QStringLiteral("up"));
        const double memory =
            n.value(QStringLiteral("latest")).toObject().value(QStringLiteral("memory_percent")).toDouble(-1);
        QVERIFY2(memory > 0 && memory < 100, qPrintable(QString::number(memory)));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("node"), node);
        q.addQueryItem(QStringLiteral("metric"), QStringLiteral("load1"));
        q.addQueryItem(QStringLiteral("from"), kStart.addSecs(-60).toString(Qt::ISODate));
        q.addQueryItem(QStringLiteral("to"), m_clock.now().addSecs(60).toString(Qt::ISODate));
        q.addQueryItem(QStringLiteral("step"), QStringLiteral("10"));
        auto series = m_api.call(
            "GET", QStringLiteral("/api/monitoring/series?") + q.toString(QUrl::FullyEncoded), m_reader);
        QCOMPARE(series.status, 200);
        QCOMPARE(series.json().value(QStringLiteral("points")).toArray().size(), 3);
        q.removeAllQueryItems(QStringLiteral("metric"));
        q.addQueryItem(QStringLiteral("metric"), QStringLiteral("nope"));
        series = m_api.call("GET", QStringLiteral("/api/monitoring/series?") + q.toString(QUrl::FullyEncoded),
                            m_reader);
        QCOMPARE(series.status, 400);
        QCOMPARE(errorField(series), QStringLiteral("metric"));
    }

    void checksGoDownAndComeBackWithAlerts()
    {
        const QString http = addCheck({{QStringLiteral("name"), QStringLiteral("web")},
                                       {QStringLiteral("kind"), QStringLiteral("http")},
                                       {QStringLiteral("target"), httpBase() + QStringLiteral("/health")},
                                       {QStringLiteral("expect_status"), 200},
                                       {QStringLiteral("expect_keyword"), QStringLiteral("mpanel-ok")},
                                       {QStringLiteral("interval_s"), 60},
                                       {QStringLiteral("down_interval_s"), 10}});
        const QString tcp = addCheck({{QStringLiteral("name"), QStringLiteral("web-tcp")},
                                      {QStringLiteral("kind"), QStringLiteral("tcp")},
                                      {QStringLiteral("target"), httpBase().mid(7)},
                                      {QStringLiteral("interval_s"), 60},
                                      {QStringLiteral("down_interval_s"), 10}});
        const QString tls = addCheck({{QStringLiteral("name"), QStringLiteral("web-tls")},
                                      {QStringLiteral("kind"), QStringLiteral("tls")},
                                      {QStringLiteral("target"), tlsTarget()},
                                      {QStringLiteral("tls_warn_days"), 7},
                                      {QStringLiteral("down_interval_s"), 10}});
        const QString tlsSoon = addCheck({{QStringLiteral("name"), QStringLiteral("web-tls-soon")},
                                          {QStringLiteral("kind"), QStringLiteral("tls")},
                                          {QStringLiteral("target"), tlsTarget()},
                                          {QStringLiteral("tls_warn_days"), 60},
                                          {QStringLiteral("down_interval_s"), 10}});
        const QString missing = addCheck({{QStringLiteral("name"), QStringLiteral("web-missing")},
                                          {QStringLiteral("kind"), QStringLiteral("http")},
                                          {QStringLiteral("target"), httpBase() + QStringLiteral("/missing")},
                                          {QStringLiteral("fail_threshold"), 1}});
        QVERIFY(!http.isEmpty() && !tcp.isEmpty() && !tls.isEmpty() && !tlsSoon.isEmpty() &&
                !missing.isEmpty());
        poll();
        QCOMPARE(status(http), QStringLiteral("up"));
        QCOMPARE(status(tcp), QStringLiteral("up"));
        QCOMPARE(status(tls), QStringLiteral("up"));
        // The test certificate is valid for 30 days: under 60 is degraded, with the days left.
        QCOMPARE(status(tlsSoon), QStringLiteral("degraded"));
        QVERIFY(m_api
                    .text(QStringLiteral(
                              "SELECT message FROM monitoring_service_status WHERE check_id = ?::uuid"),
                          {tlsSoon})
                    .contains(QStringLiteral("day(s) left")));
        QCOMPARE(status(missing), QStringLiteral("down"));
        QCOMPARE(openAlerts(missing), 1);

        // nginx stops: the first failure is not down yet, and the check is probed again at its
        // down interval (10 s), not its interval (60 s).
        QVERIFY(m_nginx.run(QStringLiteral("halt")).ok());
        pollAfter(60);
        QCOMPARE(status(http), QStringLiteral("up"));
        QCOMPARE(m_api.text(QStringLiteral(
                                "SELECT last_result FROM monitoring_service_status WHERE check_id = ?::uuid"),
                            {http}),
                 QStringLiteral("down"));
        pollAfter(10);
        QCOMPARE(status(http), QStringLiteral("down"));
        QCOMPARE(status(tcp), QStringLiteral("down"));
        QCOMPARE(openAlerts(http), 1);
        QCOMPARE(eventsFor(QStringLiteral("web")).size(), 1);
        QCOMPARE(eventsFor(QStringLiteral("web")).at(0).name, events::MonitoringCheckDown);
        pollAfter(10); // still down: no second alert, no second event
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE check_id = ?::uuid"),
                         {http}),
            1);
        QCOMPARE(eventsFor(QStringLiteral("web")).size(), 1);

        // Back on the same ports: up after two good probes, alert closed, one "up" event.
        QVERIFY(m_nginx
                    .start({QString::number(m_nginx.port(QStringLiteral("NGINX_HTTP_PORT"))),
                            QString::number(m_nginx.port(QStringLiteral("NGINX_HTTPS_PORT")))})
                    .ok());
        pollAfter(10);
        QCOMPARE(status(http), QStringLiteral("down"));
        pollAfter(10);
        QCOMPARE(status(http), QStringLiteral("up"));
        QCOMPARE(status(tcp), QStringLiteral("up"));
        QCOMPARE(openAlerts(http), 0);
        const auto seen = eventsFor(QStringLiteral("web"));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(1).name, events::MonitoringCheckUp);
        QCOMPARE(seen.at(1).subject, seen.at(0).subject); // the alert it closes

        auto alerts = m_api.call("GET", QStringLiteral("/api/monitoring/alerts"), m_reader);
        QCOMPARE(alerts.status, 200);
        QVERIFY(alerts.json().value(QStringLiteral("items")).toArray().size() >= 3); // history kept
        auto overview = m_api.call("GET", QStringLiteral("/api/monitoring/overview"), m_reader);
        QCOMPARE(overview.json().value(QStringLiteral("services_down")).toInt(), 1); // web-missing
        QCOMPARE(overview.json().value(QStringLiteral("open_alerts")).toInt(), 1);
    }

    void aFlappingCheckIsDamped()
    {
        // A check that goes down and up on every probe: the first alerts are told, then the
        // next one is marked flapping and announced to nobody.
        const QString flap = addCheck({{QStringLiteral("name"), QStringLiteral("flappy")},
                                       {QStringLiteral("kind"), QStringLiteral("http")},
                                       {QStringLiteral("target"), httpBase() + QStringLiteral("/health")},
                                       {QStringLiteral("fail_threshold"), 1},
                                       {QStringLiteral("recover_threshold"), 1},
                                       {QStringLiteral("interval_s"), 10},
                                       {QStringLiteral("down_interval_s"), 10}});
        const QString healthUrl = httpBase() + QStringLiteral("/health");
        const QString deadUrl = QStringLiteral("http://127.0.0.1:1/health");
        for (int i = 0; i < 5; ++i) {
            m_api.exec(QStringLiteral("UPDATE monitoring_checks SET target = ? WHERE id = ?::uuid"),
                       {deadUrl, flap});
            pollAfter(10);
            QCOMPARE(status(flap), QStringLiteral("down"));
            m_api.exec(QStringLiteral("UPDATE monitoring_checks SET target = ? WHERE id = ?::uuid"),
                       {healthUrl, flap});
            pollAfter(10);
            QCOMPARE(status(flap), QStringLiteral("up"));
        }
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE check_id = ?::uuid"),
                         {flap}),
            5);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE check_id = ?::uuid "
                                        "AND flapping"),
                         {flap}),
            2);
        // Three alerts told (down and up each), the flapping two not at all.
        QCOMPARE(eventsFor(QStringLiteral("flappy")).size(), 6);
    }

    void aDownNodeSilencesItsChecks()
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/monitoring/nodes"), m_admin,
                       {{QStringLiteral("name"), QStringLiteral("gone-node")},
                        {QStringLiteral("exporter_url"), QStringLiteral("http://127.0.0.1:1/metrics")}});
        QCOMPARE(r.status, 201);
        const QString node = r.json().value(QStringLiteral("id")).toString();
        const QString check = addCheck({{QStringLiteral("name"), QStringLiteral("on-gone-node")},
                                        {QStringLiteral("kind"), QStringLiteral("tcp")},
                                        {QStringLiteral("target"), QStringLiteral("127.0.0.1:1")},
                                        {QStringLiteral("fail_threshold"), 1},
                                        {QStringLiteral("node_id"), node}});
        pollAfter(60);
        QCOMPARE(m_api.text(QStringLiteral("SELECT status FROM monitoring_nodes WHERE id = ?::uuid"), {node}),
                 QStringLiteral("down"));
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE node_id = ?::uuid "
                                             "AND kind = 'node_down' AND closed_at IS NULL"),
                              {node}),
                 1);
        QCOMPARE(status(check), QStringLiteral("down"));
        QCOMPARE(openAlerts(check), 0);
        QVERIFY(eventsFor(QStringLiteral("on-gone-node")).isEmpty());
    }

    void oldSamplePartitionsAreDroppedWhole()
    {
        const QDateTime now = m_clock.now();
        const QString old =
            QStringLiteral("monitoring_samples_") + now.addDays(-3).toString(QStringLiteral("yyyyMMdd"));
        const QString recent =
            QStringLiteral("monitoring_samples_") + now.toString(QStringLiteral("yyyyMMdd"));
        // A scrape three days ago made its day's partition.
        m_clock.set(now.addDays(-3));
        m_api.exec(QStringLiteral("UPDATE monitoring_nodes SET next_poll_at = '-infinity'"));
        m_api.exec(QStringLiteral("SELECT mpanel_monitoring_prepare_partitions(?::timestamptz)"),
                   {now.addDays(-3).toString(Qt::ISODate)});
        m_api.exec(QStringLiteral("INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value) "
                                  "SELECT tenant_id, id, 'load1', ?::timestamptz, 1 FROM monitoring_nodes"),
                   {now.addDays(-3).toString(Qt::ISODate)});
        QVERIFY(m_api.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(old)) > 0);
        m_clock.set(now);
        const qint64 recentRows = m_api.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(recent));
        QVERIFY(recentRows > 0);
        pollAfter(10);
        QCOMPARE(m_api.text(QStringLiteral("SELECT coalesce(to_regclass(?)::text, '')"), {old}), QString());
        QCOMPARE(m_api.text(QStringLiteral("SELECT coalesce(to_regclass(?)::text, '')"), {recent}), recent);
        QVERIFY(m_api.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(recent)) >= recentRows);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE at < ?::timestamptz"),
                         {now.addDays(-2).toString(Qt::ISODate)}),
            0);
    }

    void aSlowStatementIsFoundInItsWindowAndAFastOneIsNot()
    {
        auto tx = [&] { return TenantTransaction::begin(m_api.db(), m_tenant); };
        const QDateTime t0 = m_clock.now();
        monitoring::SlowQueries::Options options;
        options.thresholdMs = 100;
        {
            auto t = tx();
            QVERIFY(t.ok());
            auto taken = monitoring::SlowQueries::snapshot(t->db(), t0, options);
            QVERIFY2(taken.ok(), taken.ok() ? "" : qPrintable(taken.error().message));
            QVERIFY(*taken);
            // Too soon for another: one snapshot per gap, however many tenants' jobs ask.
            QVERIFY(!*monitoring::SlowQueries::snapshot(t->db(), t0.addSecs(10), options));
            QVERIFY(t->commit().ok());
        }
        for (int i = 0; i < 2; ++i)
            m_api.exec(QStringLiteral("/* mpanel-slow-marker */ SELECT pg_sleep(0.25)"));
        for (int i = 0; i < 20; ++i)
            m_api.exec(QStringLiteral("/* mpanel-fast-marker */ SELECT ?::int + 1"), {i});
        {
            auto t = tx();
            QVERIFY(*monitoring::SlowQueries::snapshot(t->db(), t0.addSecs(60), options));
            QVERIFY(t->commit().ok());
        }
        QCOMPARE(m_api.scalar(QStringLiteral(
                     "SELECT count(*) FROM monitoring_slow_queries "
                     "WHERE query LIKE '%mpanel-slow-marker%' AND calls = 2 AND mean_ms >= 250")),
                 1);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_slow_queries "
                                             "WHERE query LIKE '%mpanel-fast-marker%'")),
                 0);
        // The window report over the API, without any reset of the statistics.
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("from"), t0.toString(Qt::ISODate));
        q.addQueryItem(QStringLiteral("to"), t0.addSecs(61).toString(Qt::ISODate));
        auto r = m_api.call("GET",
                            QStringLiteral("/api/monitoring/slow-queries?") + q.toString(QUrl::FullyEncoded),
                            m_reader);
        QCOMPARE(r.status, 200);
        bool slowSeen = false, fastSeen = false;
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString text = o.value(QStringLiteral("query")).toString();
            if (text.contains(QStringLiteral("mpanel-slow-marker"))) {
                slowSeen = true;
                QCOMPARE(o.value(QStringLiteral("calls")).toInt(), 2);
                QVERIFY(o.value(QStringLiteral("mean_ms")).toDouble() >= 250);
            }
            if (text.contains(QStringLiteral("mpanel-fast-marker"))) {
                fastSeen = true;
                QCOMPARE(o.value(QStringLiteral("calls")).toInt(), 20);
            }
        }
        QVERIFY(slowSeen);
        QVERIFY(fastSeen); // the window lists everything unless min_mean_ms says otherwise
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM pg_stat_statements "
                                             "WHERE query LIKE '%mpanel-slow-marker%' AND calls >= 2")),
                 1); // statistics untouched
    }

    void metricsAreThePrometheusTextFormat()
    {
        m_api.exec(QStringLiteral("INSERT INTO jobs (tenant_id, kind, payload, run_at, created_at) VALUES (?::uuid, "
                                  "'system.sleep', '{}', now(), now())"),
                   {m_tenant});
        auto r = m_api.raw("GET", QStringLiteral("/metrics"), m_reader);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        auto e = monitoring::parsePrometheusText(r.body);
        QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message + QString::fromUtf8(r.body)));
        QCOMPARE(e->types.value(QStringLiteral("mpanel_jobs")), QStringLiteral("gauge"));
        QCOMPARE(e->types.value(QStringLiteral("mpanel_webhook_events_total")), QStringLiteral("counter"));
        QVERIFY(*e->value(QStringLiteral("mpanel_job_queue_depth")) >= 1);
        QVERIFY(
            e->value(QStringLiteral("mpanel_jobs"), {{QStringLiteral("kind"), QStringLiteral("system.sleep")},
                                                     {QStringLiteral("status"), QStringLiteral("queued")}}));
        QCOMPARE(
            *e->value(QStringLiteral("mpanel_check_up"), {{QStringLiteral("check"), QStringLiteral("web")}}),
            1.0);
        QCOMPARE(*e->value(QStringLiteral("mpanel_check_up"),
                           {{QStringLiteral("check"), QStringLiteral("web-missing")}}),
                 0.0);
        QCOMPARE(
            *e->value(QStringLiteral("mpanel_node_up"), {{QStringLiteral("node"), QStringLiteral("node-1")}}),
            1.0);
        QVERIFY(*e->value(QStringLiteral("mpanel_monitoring_open_alerts")) >= 1);
        QCOMPARE(m_api.raw("GET", QStringLiteral("/metrics"), QString()).status, 401);
    }

    void cleanupTestCase()
    {
        m_nginx.stop();
        m_exporter.stop();
    }
};

QTEST_MAIN(TestMonitoring)
#include "tst_monitoring.moc"
