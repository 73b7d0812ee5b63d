#include "monitoring/service_metrics.h"

#include "db/sql.h"
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

} // namespace

Result<QByteArray> serviceMetrics(const QSqlDatabase &db)
{
    QByteArray out;
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
