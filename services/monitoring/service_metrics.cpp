#include "monitoring/service_metrics.h"

#include "db/sql.h"
#include "http/request_metrics.h"
#include "monitoring/prometheus_text.h"

namespace mp::monitoring {

namespace {

using Labels = QMap<QString, QString>;

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

// Rows of `sql` whose last column is the value and the others are labels named `labels`.
Status rows(QByteArray &out, const QSqlDatabase &db, const QString &metric, const QStringList &labels,
            const QString &sqlText)
{
    auto q = sql::exec(db, sqlText);
    if (!q)
        return q.error();
    while (q->next()) {
        Labels l;
        for (qsizetype i = 0; i < labels.size(); ++i)
            l.insert(labels.at(i), q->value(int(i)).toString());
        out += promLine(metric, l, q->value(int(labels.size())).toDouble());
    }
    return {};
}

// The router's requests, process-wide: a counter and a latency histogram per route and status.
void requestFamilies(QByteArray &out)
{
    const QList<RequestMetrics::Series> all = RequestMetrics::snapshot();
    family(out, "mpanel_http_requests_total", "counter",
           "HTTP requests answered, by method, route and status.");
    for (const RequestMetrics::Series &s : all)
        out += promLine(QStringLiteral("mpanel_http_requests_total"),
                        {{QStringLiteral("method"), s.method},
                         {QStringLiteral("route"), s.route},
                         {QStringLiteral("status"), QString::number(s.status)}},
                        double(s.count));
    family(out, "mpanel_http_request_duration_seconds", "histogram",
           "Time to answer an HTTP request, by method, route and status.");
    for (const RequestMetrics::Series &s : all) {
        Labels labels{{QStringLiteral("method"), s.method},
                      {QStringLiteral("route"), s.route},
                      {QStringLiteral("status"), QString::number(s.status)}};
        for (size_t i = 0; i < RequestMetrics::kBuckets.size(); ++i) {
            Labels bucket = labels;
            bucket.insert(QStringLiteral("le"), QString::number(RequestMetrics::kBuckets[i]));
            out += promLine(QStringLiteral("mpanel_http_request_duration_seconds_bucket"), bucket,
                            double(s.buckets[i]));
        }
        Labels inf = labels;
        inf.insert(QStringLiteral("le"), QStringLiteral("+Inf"));
        out += promLine(QStringLiteral("mpanel_http_request_duration_seconds_bucket"), inf, double(s.count));
        out += promLine(QStringLiteral("mpanel_http_request_duration_seconds_sum"), labels, s.sumSeconds);
        out +=
            promLine(QStringLiteral("mpanel_http_request_duration_seconds_count"), labels, double(s.count));
    }
}

} // namespace

Result<QByteArray> serviceMetrics(const QSqlDatabase &db)
{
    QByteArray out;
    requestFamilies(out);
    family(out, "mpanel_db_connections", "gauge",
           "Connections to mPanel's database by state (the service's per-thread connections, the "
           "console's and the jobs').");
    if (auto s = rows(out, db, QStringLiteral("mpanel_db_connections"), {QStringLiteral("state")},
                      QStringLiteral("SELECT state, connections FROM mpanel_monitoring_db_connections()"));
        !s)
        return s.error();
    family(out, "mpanel_db_max_connections", "gauge", "The server's max_connections.");
    if (auto s = rows(out, db, QStringLiteral("mpanel_db_max_connections"), {},
                      QStringLiteral("SELECT current_setting('max_connections')::int"));
        !s)
        return s.error();
    family(out, "mpanel_jobs", "gauge", "Jobs by kind and status (finished jobs until they are pruned).");
    if (auto s =
            rows(out, db, QStringLiteral("mpanel_jobs"), {QStringLiteral("kind"), QStringLiteral("status")},
                 QStringLiteral("SELECT kind, status::text, count(*) FROM jobs GROUP BY 1, 2 ORDER BY 1, 2"));
        !s)
        return s.error();
    family(out, "mpanel_job_queue_depth", "gauge",
           "Jobs waiting to run: queued, or failed and waiting to retry.");
    family(out, "mpanel_job_oldest_waiting_seconds", "gauge",
           "Age of the oldest job that is due and waiting.");
    auto queue =
        sql::exec(db, QStringLiteral("SELECT count(*), coalesce(extract(epoch FROM now() - min(run_at) "
                                     "FILTER (WHERE run_at <= now())), 0) "
                                     "FROM jobs WHERE status IN ('queued', 'failed')"));
    if (!queue)
        return queue.error();
    if (queue->next()) {
        out += promLine(QStringLiteral("mpanel_job_queue_depth"), {}, queue->value(0).toDouble());
        out += promLine(QStringLiteral("mpanel_job_oldest_waiting_seconds"), {}, queue->value(1).toDouble());
    }
    family(out, "mpanel_webhook_events_total", "counter",
           "Stripe webhook events received, by type and outcome.");
    if (auto s = rows(out, db, QStringLiteral("mpanel_webhook_events_total"),
                      {QStringLiteral("type"), QStringLiteral("result")},
                      QStringLiteral("SELECT type, result, events FROM mpanel_monitoring_webhook_counts()"));
        !s)
        return s.error();
    family(out, "mpanel_check_up", "gauge", "1 when the check is up or degraded, 0 when it is down.");
    if (auto s = rows(
            out, db, QStringLiteral("mpanel_check_up"),
            {QStringLiteral("check"), QStringLiteral("kind"), QStringLiteral("status")},
            QStringLiteral("SELECT c.name, c.kind, s.status, (s.status <> 'down')::int "
                           "FROM monitoring_checks c JOIN monitoring_service_status s ON s.check_id = c.id "
                           "WHERE s.status <> 'unknown' ORDER BY c.name"));
        !s)
        return s.error();
    family(out, "mpanel_check_latency_milliseconds", "gauge", "The latency of each check's last probe.");
    if (auto s = rows(out, db, QStringLiteral("mpanel_check_latency_milliseconds"), {QStringLiteral("check")},
                      QStringLiteral("SELECT c.name, s.latency_ms FROM monitoring_checks c "
                                     "JOIN monitoring_service_status s ON s.check_id = c.id "
                                     "WHERE s.latency_ms IS NOT NULL ORDER BY c.name"));
        !s)
        return s.error();
    family(out, "mpanel_node_up", "gauge", "1 when the node's exporter answered its last scrape.");
    if (auto s = rows(out, db, QStringLiteral("mpanel_node_up"), {QStringLiteral("node")},
                      QStringLiteral("SELECT name, (status = 'up')::int FROM monitoring_nodes "
                                     "WHERE status <> 'unknown' ORDER BY name"));
        !s)
        return s.error();
    family(out, "mpanel_monitoring_open_alerts", "gauge", "Monitoring alerts not yet cleared.");
    if (auto s = rows(out, db, QStringLiteral("mpanel_monitoring_open_alerts"), {},
                      QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE closed_at IS NULL"));
        !s)
        return s.error();
    return out;
}

} // namespace mp::monitoring
