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
#include "monitoring/job_failure_alerts.h"
#include "monitoring/monitoring_poll.h"
#include "monitoring/prometheus_text.h"
#include "monitoring/slow_queries.h"
#include "notifications/outbox_sender.h"
#include "support/blocking_http.h"
#include "support/pdns_server.h"
#include "support/script_server.h"
#include "support/service_fixture.h"
#include "support/smtp_sink.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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
    PdnsServer m_pdns;
    SmtpSink m_sink;
    QString m_tenant, m_admin, m_reader;

    QString httpBase() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_nginx.port(QStringLiteral("NGINX_HTTP_PORT")));
    }
    QString tlsTarget() const
    {
        return QStringLiteral("localhost:%1").arg(m_nginx.port(QStringLiteral("NGINX_HTTPS_PORT")));
    }

    // One run of a job's handler at the clock's time, committed as the engine commits it.
    void runJob(const QString &kind, Status (*handler)(JobContext &))
    {
        auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
        QVERIFY(tx.ok());
        JobContext ctx(1, m_tenant, kind, {}, 1, 1, {}, [&]() -> Result<QSqlDatabase> { return tx->db(); });
        const Status s = handler(ctx);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QVERIFY(tx->commit().ok());
    }

    void poll() { runJob(monitoring::kinds::poll, &monitoring::pollJob); }

    qint64 openAlertsOf(const QString &kind, const QString &key)
    {
        return m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE kind = ? "
                                           "AND subject_key = ? AND closed_at IS NULL"),
                            {kind, key});
    }

    // The mails the sink holds whose subject contains `text`.
    QList<QJsonObject> mailsAbout(const QString &text)
    {
        QList<QJsonObject> out;
        for (const QString &file : m_sink.messages()) {
            const QJsonObject mail = m_sink.summary(file);
            if (mail.value(QStringLiteral("subject")).toString().contains(text))
                out << mail;
        }
        return out;
    }

    // A zone on the test PowerDNS through its HTTP API, for the DNS checks.
    void createZone()
    {
        BlockingHttpConnection api(QStringLiteral("127.0.0.1"), m_pdns.apiPort());
        const QJsonObject zone{
            {QStringLiteral("name"), QStringLiteral("mon.example.")},
            {QStringLiteral("kind"), QStringLiteral("Native")},
            {QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.mon.example.")}},
            {QStringLiteral("rrsets"),
             QJsonArray{QJsonObject{
                            {QStringLiteral("name"), QStringLiteral("www.mon.example.")},
                            {QStringLiteral("type"), QStringLiteral("A")},
                            {QStringLiteral("ttl"), 60},
                            {QStringLiteral("records"),
                             QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("192.0.2.10")},
                                                    {QStringLiteral("disabled"), false}}}}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("mon.example.")},
                                    {QStringLiteral("type"), QStringLiteral("MX")},
                                    {QStringLiteral("ttl"), 60},
                                    {QStringLiteral("records"),
                                     QJsonArray{QJsonObject{
                                         {QStringLiteral("content"), QStringLiteral("10 mail.mon.example.")},
                                         {QStringLiteral("disabled"), false}}}}}}}};
        const auto reply =
            api.post("/api/v1/servers/localhost/zones",
                     {{"X-API-Key", m_pdns.apiKey().toUtf8()}, {"Content-Type", "application/json"}},
                     QJsonDocument(zone).toJson(QJsonDocument::Compact));
        QVERIFY2(reply.status == 201, reply.body.constData());
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
        const Status pdns = m_pdns.start();
        QVERIFY2(pdns.ok(), pdns.ok() ? "" : qPrintable(pdns.error().message));
        createZone();
        QVERIFY(m_sink.start());
        qputenv("MPANEL_SMTP_CA_FILE", m_sink.caFile().toUtf8());
        events::DomainEvents::listen(QStringLiteral("tst_monitoring"), events::MonitoringCheckDown,
                                     &remember);
        events::DomainEvents::listen(QStringLiteral("tst_monitoring"), events::MonitoringCheckUp, &remember);
        m_api.start(QStringLiteral("monitoring"));
        m_tenant = m_api.tenant(QStringLiteral("Monitoring Hosting"));
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        // Staff alert mail goes to the tenant's reply-to address through the SMTP sink.
        const auto mail =
            m_api.call("PUT", QStringLiteral("/api/notifications/settings"), m_admin,
                       {{QStringLiteral("from_address"), QStringLiteral("billing@hosting.example")},
                        {QStringLiteral("from_name"), QStringLiteral("Monitoring Hosting")},
                        {QStringLiteral("reply_to"), QStringLiteral("ops@hosting.example")},
                        {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                        {QStringLiteral("smtp_port"), int(m_sink.port())},
                        {QStringLiteral("tls_mode"), QStringLiteral("starttls")},
                        {QStringLiteral("smtp_user"), m_sink.options().user},
                        {QStringLiteral("smtp_password"), m_sink.options().password}});
        QVERIFY2(mail.status == 200, mail.body.constData());
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
        // real time between them have no CPU delta, and rightly store no CPU sample. Scrape again
        // (10 s later on the manual clock each time) until two CPU samples are in, however fast
        // or slow this machine is.
        const auto cpuSamples = [&] {
            return m_api.scalar(
                QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid "
                               "AND metric = 'cpu_percent'"),
                {node});
        };
        QElapsedTimer waited;
        waited.start();
        while (cpuSamples() < 2 && waited.elapsed() < 120000) {
            QTest::qWait(50);
            pollAfter(10);
        }
        QVERIFY(cpuSamples() >= 2);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid "
                                        "AND metric = 'cpu_percent' AND NOT (value BETWEEN 0 AND 100)"),
                         {node}),
            0);

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
        // One point per scrape (10 s apart on the clock), each the value stored.
        QCOMPARE(
            series.json().value(QStringLiteral("points")).toArray().size(),
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid "
                                        "AND metric = 'load1'"),
                         {node}));
        q.removeAllQueryItems(QStringLiteral("metric"));
        q.addQueryItem(QStringLiteral("metric"), QStringLiteral("nope"));
        series = m_api.call("GET", QStringLiteral("/api/monitoring/series?") + q.toString(QUrl::FullyEncoded),
                            m_reader);
        QCOMPARE(series.status, 400);
        QCOMPARE(errorField(series), QStringLiteral("metric"));
    }

    void aFullDiskRaisesAnAlertAndMailsStaff()
    {
        const QString node =
            m_api.text(QStringLiteral("SELECT id::text FROM monitoring_nodes WHERE name = 'node-1'"));
        QVERIFY(!node.isEmpty());
        // Any real filesystem is more than 1% full: the threshold is passed.
        m_api.exec(
            QStringLiteral("UPDATE monitoring_nodes SET disk_alert_percent = 1, next_poll_at = '-infinity' "
                           "WHERE id = ?::uuid"),
            {node});
        poll();
        QCOMPARE(openAlertsOf(QStringLiteral("disk_full"), node), 1);
        poll(); // not due, and an open alert is not opened twice
        m_api.exec(
            QStringLiteral("UPDATE monitoring_nodes SET next_poll_at = '-infinity' WHERE id = ?::uuid"),
            {node});
        poll();
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE kind = 'disk_full'")),
            1);
        const auto seen = eventsFor(QStringLiteral("node-1"));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0).name, events::MonitoringCheckDown);

        // Staff are mailed through the notifications outbox, at the tenant's reply-to address.
        m_sink.clear();
        runJob(QStringLiteral("notifications.send"), &notifications::OutboxSender::run);
        QTRY_COMPARE_WITH_TIMEOUT(mailsAbout(QStringLiteral("Alert: node-1")).size(), 1, 30000);
        const QJsonObject mail = mailsAbout(QStringLiteral("Alert: node-1")).at(0);
        QVERIFY2(mail.value(QStringLiteral("to")).toString().contains(QStringLiteral("ops@hosting.example")),
                 qPrintable(mail.value(QStringLiteral("to")).toString()));

        // Below the threshold again: the alert clears, and staff are told that too.
        m_api.exec(
            QStringLiteral("UPDATE monitoring_nodes SET disk_alert_percent = 100, next_poll_at = '-infinity' "
                           "WHERE id = ?::uuid"),
            {node});
        poll();
        QCOMPARE(openAlertsOf(QStringLiteral("disk_full"), node), 0);
        QCOMPARE(eventsFor(QStringLiteral("node-1")).size(), 2);
        runJob(QStringLiteral("notifications.send"), &notifications::OutboxSender::run);
        QTRY_COMPARE_WITH_TIMEOUT(mailsAbout(QStringLiteral("Cleared: node-1")).size(), 1, 30000);
        QCOMPARE(mailsAbout(QStringLiteral("Alert: node-1")).size(), 1);
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

    void dnsChecksAskARealPowerDns()
    {
        const QString server = QStringLiteral("127.0.0.1:%1").arg(m_pdns.dnsPort());
        const auto dns = [&](const char *name, const char *query, const char *type, const char *expect) {
            QJsonObject body{{QStringLiteral("name"), QLatin1String(name)},
                             {QStringLiteral("kind"), QStringLiteral("dns")},
                             {QStringLiteral("target"), server},
                             {QStringLiteral("query_name"), QLatin1String(query)},
                             {QStringLiteral("query_type"), QLatin1String(type)},
                             {QStringLiteral("fail_threshold"), 1},
                             {QStringLiteral("interval_s"), 10}};
            if (expect)
                body.insert(QStringLiteral("expect_keyword"), QLatin1String(expect));
            return addCheck(body);
        };
        const QString good = dns("dns-www", "www.mon.example", "A", "192.0.2.10");
        const QString anyAnswer = dns("dns-www-any", "www.mon.example.", "A", nullptr);
        const QString wrong = dns("dns-wrong", "www.mon.example", "A", "192.0.2.99");
        const QString missing = dns("dns-missing", "nope.mon.example", "A", nullptr);
        const QString mx = dns("dns-mx", "mon.example", "MX", "10 mail.mon.example");
        QVERIFY(!good.isEmpty() && !anyAnswer.isEmpty() && !wrong.isEmpty() && !missing.isEmpty() &&
                !mx.isEmpty());
        pollAfter(10);
        const auto message = [&](const QString &id) {
            return m_api.text(
                QStringLiteral("SELECT message FROM monitoring_service_status WHERE check_id = ?::uuid"),
                {id});
        };
        QCOMPARE(status(good), QStringLiteral("up"));
        QVERIFY2(message(good).contains(QStringLiteral("192.0.2.10")), qPrintable(message(good)));
        QCOMPARE(status(anyAnswer), QStringLiteral("up"));
        QCOMPARE(status(wrong), QStringLiteral("down"));
        QVERIFY2(message(wrong).contains(QStringLiteral("expected 192.0.2.99")), qPrintable(message(wrong)));
        QCOMPARE(status(missing), QStringLiteral("down"));
        QVERIFY2(message(missing).contains(QStringLiteral("response code 3")), qPrintable(message(missing)));
        QCOMPARE(status(mx), QStringLiteral("up"));
        QCOMPARE(openAlerts(wrong), 1);

        // PowerDNS stops: the checks that were up go down.
        m_pdns.stop();
        pollAfter(10);
        QCOMPARE(status(good), QStringLiteral("down"));
        QVERIFY(!m_pdns.running());

        // A DNS check names what it asks for.
        const auto r = m_api.call("POST", QStringLiteral("/api/monitoring/checks"), m_admin,
                                  {{QStringLiteral("name"), QStringLiteral("dns-nothing")},
                                   {QStringLiteral("kind"), QStringLiteral("dns")},
                                   {QStringLiteral("target"), server}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("query_name"));
        const auto badType = m_api.call("POST", QStringLiteral("/api/monitoring/checks"), m_admin,
                                        {{QStringLiteral("name"), QStringLiteral("dns-bad-type")},
                                         {QStringLiteral("kind"), QStringLiteral("dns")},
                                         {QStringLiteral("target"), server},
                                         {QStringLiteral("query_name"), QStringLiteral("mon.example")},
                                         {QStringLiteral("query_type"), QStringLiteral("SOA")}});
        QCOMPARE(badType.status, 422);
        QCOMPARE(errorField(badType), QStringLiteral("query_type"));
        // Out of the way of the tests below: these checks stay down.
        m_api.exec(QStringLiteral("UPDATE monitoring_checks SET enabled = false WHERE kind = 'dns'"));
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

    void slowStatementsAndFailingJobKindsRaiseAlerts()
    {
        // The snapshot of the test above (a minute ago) recorded the slow marker.
        const QString marker = m_api.text(QStringLiteral(
            "SELECT queryid::text FROM monitoring_slow_queries WHERE query LIKE '%mpanel-slow-marker%'"));
        QVERIFY(!marker.isEmpty());
        const qint64 takenMs = m_api.scalar(QStringLiteral(
            "SELECT (extract(epoch FROM max(taken_at)) * 1000)::bigint FROM monitoring_statement_snapshots"));
        m_clock.set(QDateTime::fromMSecsSinceEpoch(takenMs, QTimeZone::utc()).addSecs(10));
        // Three jobs of one kind died within the hour; two of another kind did.
        for (int i = 0; i < 5; ++i)
            m_api.exec(
                QStringLiteral(
                    "INSERT INTO jobs (tenant_id, kind, payload, run_at, status, attempts, max_attempts, "
                    "last_error, created_at, started_at, finished_at) "
                    "VALUES (?::uuid, ?, '{}', ?::timestamptz, 'dead', 1, 1, 'boom', ?::timestamptz, "
                    "?::timestamptz, ?::timestamptz)"),
                {m_tenant, i < 3 ? QStringLiteral("test.flaky") : QStringLiteral("test.rare"),
                 m_clock.now().addSecs(-60 * i).toString(Qt::ISODate),
                 m_clock.now().addSecs(-60 * i).toString(Qt::ISODate),
                 m_clock.now().addSecs(-60 * i).toString(Qt::ISODate),
                 m_clock.now().addSecs(-60 * i).toString(Qt::ISODate)});
        runJob(monitoring::kinds::slowQueries, &monitoring::slowQueryJob);
        QCOMPARE(openAlertsOf(QStringLiteral("slow_query"), marker), 1);
        QCOMPARE(openAlertsOf(QStringLiteral("job_failing"), QStringLiteral("test.flaky")), 1);
        QCOMPARE(openAlertsOf(QStringLiteral("job_failing"), QStringLiteral("test.rare")), 0);
        QCOMPARE(eventsFor(QStringLiteral("test.flaky")).size(), 1);
        runJob(monitoring::kinds::slowQueries, &monitoring::slowQueryJob); // nothing twice
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE kind = 'job_failing'")),
            1);

        // Quiet for a quarter of an hour: the job alert clears; the statement, not slow again for
        // an hour, clears later.
        m_clock.advance((monitoring::JobFailureAlerts::kQuietMinutes * 60 + 1) * 1000);
        runJob(monitoring::kinds::slowQueries, &monitoring::slowQueryJob);
        QCOMPARE(openAlertsOf(QStringLiteral("job_failing"), QStringLiteral("test.flaky")), 0);
        QCOMPARE(openAlertsOf(QStringLiteral("slow_query"), marker), 1);
        m_clock.advance(3600 * 1000);
        runJob(monitoring::kinds::slowQueries, &monitoring::slowQueryJob);
        QCOMPARE(openAlertsOf(QStringLiteral("slow_query"), marker), 0);
        const auto seen = eventsFor(QStringLiteral("test.flaky"));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(1).name, events::MonitoringCheckUp);
    }

    void metricsAreThePrometheusTextFormat()
    {
        m_api.exec(
            QStringLiteral("INSERT INTO jobs (tenant_id, kind, payload, run_at, created_at) VALUES (?::uuid, "
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
        // Requests by route pattern and status, with a latency histogram whose +Inf bucket is the
        // count; the database's connections by state.
        const QMap<QString, QString> overview{
            {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("route"), QStringLiteral("/api/monitoring/overview")},
            {QStringLiteral("status"), QStringLiteral("200")}};
        QCOMPARE(e->types.value(QStringLiteral("mpanel_http_request_duration_seconds")),
                 QStringLiteral("histogram"));
        const auto requests = e->value(QStringLiteral("mpanel_http_requests_total"), overview);
        QVERIFY(requests && *requests >= 1);
        QMap<QString, QString> inf = overview;
        inf.insert(QStringLiteral("le"), QStringLiteral("+Inf"));
        QCOMPARE(e->value(QStringLiteral("mpanel_http_request_duration_seconds_bucket"), inf), requests);
        QCOMPARE(e->value(QStringLiteral("mpanel_http_request_duration_seconds_count"), overview), requests);
        QVERIFY(e->value(QStringLiteral("mpanel_http_requests_total"),
                         {{QStringLiteral("route"), QStringLiteral("/api/monitoring/series")},
                          {QStringLiteral("status"), QStringLiteral("400")}}));
        QVERIFY(*e->value(QStringLiteral("mpanel_db_connections"),
                          {{QStringLiteral("state"), QStringLiteral("active")}}) >= 1);
        QVERIFY(*e->value(QStringLiteral("mpanel_db_max_connections")) > 0);
        QCOMPARE(m_api.raw("GET", QStringLiteral("/metrics"), QString()).status, 401);
    }

    // Raw samples roll up into 5-minute and hourly buckets as the clock moves, and the series
    // reads each range from the table that still holds it until its retention drops it.
    void samplesDownsampleAsTheyAge()
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/monitoring/nodes"), m_admin,
                       {{QStringLiteral("name"), QStringLiteral("rolled-node")},
                        {QStringLiteral("exporter_url"), QStringLiteral("http://127.0.0.1:1/metrics")}});
        QCOMPARE(r.status, 201);
        const QString node = r.json().value(QStringLiteral("id")).toString();
        m_api.exec(QStringLiteral("UPDATE monitoring_nodes SET enabled = false WHERE id = ?::uuid"), {node});
        // An hour of samples every 10 s, two hours ahead of the clock: in 5-minute bucket k the
        // values alternate k and k + 1 (mean k + 0.5).
        const QDateTime now = m_clock.now();
        const QDateTime base =
            QDateTime(now.date(), QTime(now.time().hour(), 0), QTimeZone::utc()).addSecs(2 * 3600);
        m_api.exec(QStringLiteral("SELECT mpanel_monitoring_prepare_partitions(?::timestamptz)"),
                   {base.toString(Qt::ISODate)});
        m_api.exec(
            QStringLiteral("INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value) "
                           "SELECT ?::uuid, ?::uuid, 'load1', ?::timestamptz + i * interval '10 seconds', "
                           "       (i / 30) + (i % 2) FROM generate_series(0, 359) AS i"),
            {m_tenant, node, base.toString(Qt::ISODate)});
        const auto rollup = [&](const char *table) {
            return m_api.text(
                QStringLiteral("SELECT coalesce(string_agg(value || '/' || min_value || '/' || max_value "
                               "|| '/' || samples, ' ' ORDER BY at), '') FROM %1 WHERE node_id = ?::uuid")
                    .arg(QLatin1String(table)),
                {node});
        };
        const auto series = [&](qint64 step) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("node"), node);
            q.addQueryItem(QStringLiteral("metric"), QStringLiteral("load1"));
            q.addQueryItem(QStringLiteral("from"), base.toString(Qt::ISODate));
            q.addQueryItem(QStringLiteral("to"), base.addSecs(3600).toString(Qt::ISODate));
            q.addQueryItem(QStringLiteral("step"), QString::number(step));
            const auto reply = m_api.call(
                "GET", QStringLiteral("/api/monitoring/series?") + q.toString(QUrl::FullyEncoded), m_reader);
            QStringList values;
            for (const QJsonValue &v : reply.json().value(QStringLiteral("points")).toArray())
                values << QString::number(v.toObject().value(QStringLiteral("value")).toDouble());
            return values.join(u' ');
        };
        QStringList fiveMinutes, means;
        for (int k = 0; k < 12; ++k) {
            fiveMinutes << QStringLiteral("%1/%2/%3/30").arg(k + 0.5).arg(k).arg(k + 1);
            means << QString::number(k + 0.5);
        }

        // Not yet: the hour has not passed.
        poll();
        QCOMPARE(rollup("monitoring_samples_5m"), QString());
        // Ten minutes after the hour: twelve 5-minute buckets and one hourly bucket, weighted.
        m_clock.set(base.addSecs(3600 + 600));
        poll();
        QCOMPARE(rollup("monitoring_samples_5m"), fiveMinutes.join(u' '));
        QCOMPARE(rollup("monitoring_samples_1h"), QStringLiteral("6/0/12/360"));
        pollAfter(10); // again in the same bucket: nothing changes
        QCOMPARE(rollup("monitoring_samples_5m"), fiveMinutes.join(u' '));
        QCOMPARE(rollup("monitoring_samples_1h"), QStringLiteral("6/0/12/360"));
        QCOMPARE(series(300), means.join(u' ')); // from the raw samples

        // Three days on: the raw partition is gone, the 5-minute buckets answer the same.
        m_clock.set(base.addDays(3));
        poll();
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM monitoring_samples WHERE node_id = ?::uuid"),
                         {node}),
            0);
        QCOMPARE(series(300), means.join(u' '));
        QCOMPARE(series(3600), QStringLiteral("6"));

        // A month on: the 5-minute partition is gone, the hourly bucket answers.
        m_clock.set(base.addDays(31).addSecs(3600));
        poll();
        QCOMPARE(rollup("monitoring_samples_5m"), QString());
        QCOMPARE(series(3600), QStringLiteral("6"));

        // A year and more on: nothing is left of it, and its partitions are dropped whole.
        m_clock.set(base.addDays(400));
        poll();
        QCOMPARE(rollup("monitoring_samples_1h"), QString());
        QCOMPARE(series(3600), QString());
        QCOMPARE(
            m_api.text(QStringLiteral("SELECT coalesce(to_regclass(?)::text, '')"),
                       {QStringLiteral("monitoring_samples_1h_") + base.toString(QStringLiteral("yyyyMM"))}),
            QString());
        m_clock.set(now);
    }

    void cleanupTestCase()
    {
        m_nginx.stop();
        m_exporter.stop();
    }
};

QTEST_MAIN(TestMonitoring)
#include "tst_monitoring.moc"
