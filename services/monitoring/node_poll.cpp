#include "monitoring/node_poll.h"

#include "db/sql.h"
#include "jobs/job_sql_values.h"
#include "monitoring/alerts.h"
#include "monitoring/node_metrics.h"
#include "monitoring/probes.h"

#include <QJsonDocument>

namespace mp::monitoring {

namespace {

constexpr int kScrapeTimeoutMs = 5000;

struct DueNode {
    QString id;
    QString name;
    QString url;
    int intervalS = 30;
    QString status;
    QJsonObject counters;
    int diskAlertPercent = 90;
};

// A disk alert while the fullest filesystem is above the node's threshold; cleared below it.
Status judgeDisk(const QSqlDatabase &db, const QString &tenantId, const DueNode &node,
                 const NodeReading &reading, const QDateTime &now)
{
    for (const auto &[metric, value] : reading.values) {
        if (metric != metrics::DiskPercent)
            continue;
        AlertSubject subject;
        subject.kind = QStringLiteral("disk_full");
        subject.key = node.id;
        subject.nodeId = node.id;
        subject.name = node.name;
        subject.target = node.url;
        subject.message = QStringLiteral("the fullest filesystem is %1% full (alert above %2%)")
                              .arg(value, 0, 'f', 1)
                              .arg(node.diskAlertPercent);
        if (value > node.diskAlertPercent)
            return Alerts::open(db, tenantId, subject, now);
        return Alerts::close(db, tenantId, subject, now);
    }
    return {};
}

Status record(const QSqlDatabase &db, const QString &tenantId, const DueNode &node, const QString &status,
              const QString &error, const QJsonObject &counters, const QDateTime &now)
{
    auto q = sql::exec(db,
                       QStringLiteral("UPDATE monitoring_nodes SET status = ?, last_error = ?, "
                                      "last_scrape_at = ?::timestamptz, last_counters = ?::jsonb, "
                                      "next_poll_at = ?::timestamptz + make_interval(secs => interval_s) "
                                      "WHERE id = ?::uuid"),
                       {status, jobsql::textOrNull(error), jobsql::timestamp(now),
                        QString::fromUtf8(QJsonDocument(counters).toJson(QJsonDocument::Compact)),
                        jobsql::timestamp(now), node.id});
    if (!q)
        return q.error();
    AlertSubject subject;
    subject.nodeId = node.id;
    subject.name = node.name;
    subject.target = node.url;
    subject.message = error;
    if (status == QLatin1String("down") && node.status != QLatin1String("down"))
        return Alerts::open(db, tenantId, subject, now);
    if (status == QLatin1String("up") && node.status == QLatin1String("down"))
        return Alerts::close(db, tenantId, subject, now);
    return {};
}

} // namespace

Status writeNodeSamples(const QSqlDatabase &db, const QString &tenantId, const QString &nodeId,
                        const NodeReading &reading, const QDateTime &now)
{
    if (reading.values.isEmpty())
        return {};
    QStringList metricNames;
    QStringList values;
    for (const auto &[metric, value] : reading.values) {
        metricNames << metric;
        values << QString::number(value, 'g', 17);
    }
    // One statement per scrape: the arrays unnest into one row per metric.
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value) "
                                 "SELECT ?::uuid, ?::uuid, m, ?::timestamptz, v "
                                 "FROM unnest(?::text[], ?::float8[]) AS t(m, v)"),
                  {tenantId, nodeId, jobsql::timestamp(now), u'{' + metricNames.join(u',') + u'}',
                   u'{' + values.join(u',') + u'}'});
    if (!q)
        return q.error();
    return {};
}

Result<int> pollNodes(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now)
{
    auto q =
        sql::exec(db,
                  QStringLiteral("SELECT id, name, exporter_url, interval_s, status, last_counters::text, "
                                 "disk_alert_percent "
                                 "FROM monitoring_nodes WHERE enabled AND next_poll_at <= ?::timestamptz "
                                 "ORDER BY next_poll_at FOR UPDATE SKIP LOCKED"),
                  {jobsql::timestamp(now)});
    if (!q)
        return q.error();
    QList<DueNode> due;
    while (q->next())
        due << DueNode{q->value(0).toString(), q->value(1).toString(),
                       q->value(2).toString(), q->value(3).toInt(),
                       q->value(4).toString(), QJsonDocument::fromJson(q->value(5).toByteArray()).object(),
                       q->value(6).toInt()};
    for (const DueNode &node : std::as_const(due)) {
        const HttpProbe page = Probes::httpGet(node.url, kScrapeTimeoutMs);
        QString error = page.error;
        if (page.reached && page.status != 200)
            error = QStringLiteral("HTTP %1").arg(page.status);
        if (!error.isEmpty()) {
            // Rates restart after an outage: the counters before it would span the gap.
            if (auto s = record(db, tenantId, node, QStringLiteral("down"), error, {}, now); !s)
                return s.error();
            continue;
        }
        auto exposition = parsePrometheusText(page.body);
        if (!exposition) {
            if (auto s =
                    record(db, tenantId, node, QStringLiteral("down"), exposition.error().message, {}, now);
                !s)
                return s.error();
            continue;
        }
        const NodeReading reading = readNode(*exposition, node.counters, now);
        if (auto s = writeNodeSamples(db, tenantId, node.id, reading, now); !s)
            return s.error();
        if (auto s = record(db, tenantId, node, QStringLiteral("up"), {}, reading.counters, now); !s)
            return s.error();
        if (auto s = judgeDisk(db, tenantId, node, reading, now); !s)
            return s.error();
    }
    return int(due.size());
}

} // namespace mp::monitoring
