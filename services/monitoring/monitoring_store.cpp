#include "monitoring/monitoring_store.h"

#include "core/errors.h"
#include "db/sql.h"
#include "jobs/job_sql_values.h"
#include "monitoring/monitoring_errors.h"
#include "monitoring/monitoring_poll.h"
#include "monitoring/probes.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace mp::monitoring {

namespace {

QJsonValue timeOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toDateTime().toUTC().toString(Qt::ISODateWithMs));
}

QJsonValue textOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

QJsonValue intOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toInt());
}

Error nameTakenOr(const Error &error, const QString &what)
{
    if (sql::hasSqlState(error, sql::UniqueViolation))
        return makeError(errors::MonitoringNameTaken, QStringLiteral("there is a %1 of this name").arg(what),
                         QStringLiteral("name"));
    return error;
}

const QString kChecks = QStringLiteral(
    "SELECT c.id, c.name, c.kind, c.target, c.expect_status, c.expect_keyword, c.interval_s, "
    "c.down_interval_s, "
    "       c.node_id, c.customer_id, c.enabled, coalesce(s.status, 'unknown'), s.latency_ms, s.message, "
    "       s.checked_at, s.changed_at, c.query_name, c.query_type "
    "FROM monitoring_checks c LEFT JOIN monitoring_service_status s ON s.check_id = c.id ORDER BY c.name, "
    "c.id");

QJsonObject checkRow(const QSqlQuery &q)
{
    return QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                       {QStringLiteral("name"), q.value(1).toString()},
                       {QStringLiteral("kind"), q.value(2).toString()},
                       {QStringLiteral("target"), q.value(3).toString()},
                       {QStringLiteral("expect_status"), intOrNull(q.value(4))},
                       {QStringLiteral("expect_keyword"), textOrNull(q.value(5))},
                       {QStringLiteral("interval_s"), q.value(6).toInt()},
                       {QStringLiteral("down_interval_s"), q.value(7).toInt()},
                       {QStringLiteral("node_id"), textOrNull(q.value(8))},
                       {QStringLiteral("customer_id"), textOrNull(q.value(9))},
                       {QStringLiteral("enabled"), q.value(10).toBool()},
                       {QStringLiteral("status"), q.value(11).toString()},
                       {QStringLiteral("latency_ms"), intOrNull(q.value(12))},
                       {QStringLiteral("message"), textOrNull(q.value(13))},
                       {QStringLiteral("checked_at"), timeOrNull(q.value(14))},
                       {QStringLiteral("changed_at"), timeOrNull(q.value(15))},
                       {QStringLiteral("query_name"), textOrNull(q.value(16))},
                       {QStringLiteral("query_type"), textOrNull(q.value(17))}};
}

Result<QJsonArray> nodes(const QSqlDatabase &db)
{
    // The latest value of each metric per node, from the newest scrape.
    auto q = sql::exec(
        db,
        QStringLiteral(
            "SELECT n.id, n.name, n.exporter_url, n.interval_s, n.status, n.last_error, n.last_scrape_at, "
            "       (SELECT json_object_agg(s.metric, s.value) FROM monitoring_samples s "
            "        WHERE s.node_id = n.id AND s.at = n.last_scrape_at)::text "
            "FROM monitoring_nodes n ORDER BY n.name, n.id"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject{
            {QStringLiteral("id"), q->value(0).toString()},
            {QStringLiteral("name"), q->value(1).toString()},
            {QStringLiteral("exporter_url"), q->value(2).toString()},
            {QStringLiteral("interval_s"), q->value(3).toInt()},
            {QStringLiteral("status"), q->value(4).toString()},
            {QStringLiteral("last_error"), textOrNull(q->value(5))},
            {QStringLiteral("last_scrape_at"), timeOrNull(q->value(6))},
            {QStringLiteral("latest"), QJsonDocument::fromJson(q->value(7).toByteArray()).object()}});
    return out;
}

Status checkTarget(const QString &kind, const QString &target, const QString &queryName)
{
    if (kind == QLatin1String("dns") && queryName.isEmpty())
        return makeError(errors::InvalidValue, QStringLiteral("a dns check names the query_name it asks for"),
                         QStringLiteral("query_name"));
    if (kind == QLatin1String("http")) {
        const QUrl url(target, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty() &&
            (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
            return {};
        return makeError(errors::InvalidTarget, QStringLiteral("an http check's target is an http(s) URL"),
                         QStringLiteral("target"));
    }
    QString host;
    quint16 port = 0;
    if (!Probes::splitHostPort(target, &host, &port))
        return makeError(errors::InvalidTarget, QStringLiteral("a %1 check's target is host:port").arg(kind),
                         QStringLiteral("target"));
    return {};
}

QVariant intOrNullVariant(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Result<QJsonArray> MonitoringStore::checks(const QSqlDatabase &db)
{
    auto q = sql::exec(db, kChecks);
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(checkRow(*q));
    return out;
}

Result<QJsonObject> MonitoringStore::overview(const QSqlDatabase &db)
{
    auto n = nodes(db);
    if (!n)
        return n.error();
    auto c = checks(db);
    if (!c)
        return c.error();
    int down = 0, degraded = 0;
    for (const QJsonValue &v : std::as_const(*c)) {
        const QString status = v.toObject().value(QStringLiteral("status")).toString();
        down += status == QLatin1String("down");
        degraded += status == QLatin1String("degraded");
    }
    for (const QJsonValue &v : std::as_const(*n))
        down += v.toObject().value(QStringLiteral("status")).toString() == QLatin1String("down");
    auto open =
        sql::exec(db, QStringLiteral("SELECT count(*) FROM monitoring_alerts WHERE closed_at IS NULL"));
    if (!open)
        return open.error();
    const qint64 openAlerts = open->next() ? open->value(0).toLongLong() : 0;
    return QJsonObject{{QStringLiteral("nodes"), *n},
                       {QStringLiteral("checks"), *c},
                       {QStringLiteral("services_down"), down},
                       {QStringLiteral("services_degraded"), degraded},
                       {QStringLiteral("open_alerts"), openAlerts}};
}

Result<QJsonArray> MonitoringStore::alerts(const QSqlDatabase &db, bool openOnly, int limit,
                                           const QString &customerId)
{
    QStringList where;
    QVariantList binds;
    if (openOnly)
        where << QStringLiteral("closed_at IS NULL");
    if (!customerId.isEmpty()) {
        where << QStringLiteral("customer_id = ?::uuid");
        binds << customerId;
    }
    binds << limit;
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT id, kind, check_id, node_id, customer_id, subject, message, flapping, "
                       "opened_at, closed_at FROM monitoring_alerts %1 "
                       "ORDER BY opened_at DESC, id LIMIT ?")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))),
        binds);
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("id"), q->value(0).toString()},
                               {QStringLiteral("kind"), q->value(1).toString()},
                               {QStringLiteral("check_id"), textOrNull(q->value(2))},
                               {QStringLiteral("node_id"), textOrNull(q->value(3))},
                               {QStringLiteral("customer_id"), textOrNull(q->value(4))},
                               {QStringLiteral("subject"), q->value(5).toString()},
                               {QStringLiteral("message"), q->value(6).toString()},
                               {QStringLiteral("flapping"), q->value(7).toBool()},
                               {QStringLiteral("opened_at"), timeOrNull(q->value(8))},
                               {QStringLiteral("closed_at"), timeOrNull(q->value(9))}});
    return out;
}

QString MonitoringStore::seriesTable(const QDateTime &from, const QDateTime &now)
{
    if (from >= now.addSecs(-kRawRetentionHours * 3600))
        return QStringLiteral("monitoring_samples");
    if (from >= now.addDays(-kFiveMinuteRetentionDays))
        return QStringLiteral("monitoring_samples_5m");
    return QStringLiteral("monitoring_samples_1h");
}

Result<QList<SeriesPoint>> MonitoringStore::series(const QSqlDatabase &db, const QString &nodeId,
                                                   const QString &metric, const QDateTime &from,
                                                   const QDateTime &to, qint64 stepS, const QDateTime &now)
{
    const QString table = seriesTable(from, now);
    // A bucket of a rollup weighs as many raw samples as made it.
    const QString mean = table == QLatin1String("monitoring_samples")
                             ? QStringLiteral("avg(value)")
                             : QStringLiteral("sum(value * samples) / sum(samples)");
    auto q =
        sql::exec(db,
                  QStringLiteral("SELECT date_bin(make_interval(secs => ?), at, ?::timestamptz) AS bucket, "
                                 "%1 FROM %2 "
                                 "WHERE node_id = ?::uuid AND metric = ? AND at >= ?::timestamptz "
                                 "AND at < ?::timestamptz GROUP BY bucket ORDER BY bucket")
                      .arg(mean, table),
                  {qMax<qint64>(stepS, 1), jobsql::timestamp(from), nodeId, metric, jobsql::timestamp(from),
                   jobsql::timestamp(to)});
    if (!q)
        return q.error();
    QList<SeriesPoint> out;
    while (q->next())
        out << SeriesPoint{q->value(0).toDateTime().toUTC(), q->value(1).toDouble()};
    return out;
}

Result<QJsonObject> MonitoringStore::addNode(const QSqlDatabase &db, const QString &tenantId,
                                             const api::BodyValues &body, const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral("INSERT INTO monitoring_nodes (tenant_id, name, exporter_url, interval_s, "
                       "created_at, disk_alert_percent) VALUES (?::uuid, ?, ?, ?, ?::timestamptz, ?) "
                       "RETURNING id"),
        {tenantId, body.string(QStringLiteral("name"), QString()),
         body.string(QStringLiteral("exporter_url"), QString()),
         body.integer(QStringLiteral("interval_s")).value_or(30), jobsql::timestamp(now),
         body.integer(QStringLiteral("disk_alert_percent")).value_or(90)});
    if (!q)
        return nameTakenOr(q.error(), QStringLiteral("node"));
    q->next();
    return QJsonObject{
        {QStringLiteral("id"), q->value(0).toString()},
        {QStringLiteral("name"), body.string(QStringLiteral("name"), QString())},
        {QStringLiteral("exporter_url"), body.string(QStringLiteral("exporter_url"), QString())},
        {QStringLiteral("interval_s"), body.integer(QStringLiteral("interval_s")).value_or(30)},
        {QStringLiteral("disk_alert_percent"),
         body.integer(QStringLiteral("disk_alert_percent")).value_or(90)},
        {QStringLiteral("status"), QStringLiteral("unknown")}};
}

Result<QJsonObject> MonitoringStore::addCheck(const QSqlDatabase &db, const QString &tenantId,
                                              const api::BodyValues &body, const QDateTime &now)
{
    const QString kind = body.string(QStringLiteral("kind"), QString());
    const QString target = body.string(QStringLiteral("target"), QString());
    const QString queryName = body.string(QStringLiteral("query_name"), QString());
    if (auto s = checkTarget(kind, target, queryName); !s)
        return s.error();
    for (const QString &field : {QStringLiteral("node_id"), QStringLiteral("customer_id")}) {
        const QString id = body.string(field, QString());
        if (!id.isEmpty() && QUuid::fromString(id).isNull())
            return makeError(errors::InvalidValue, QStringLiteral("%1 is not an id").arg(field), field);
    }
    auto q = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO monitoring_checks (tenant_id, name, kind, target, expect_status, expect_keyword, "
            "  timeout_ms, interval_s, down_interval_s, degraded_ms, tls_warn_days, fail_threshold, "
            "  recover_threshold, node_id, customer_id, enabled, created_at, query_name, query_type) "
            "VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid, ?::uuid, ?, ?::timestamptz, ?, ?) "
            "RETURNING id"),
        {tenantId, body.string(QStringLiteral("name"), QString()), kind, target,
         intOrNullVariant(body.integer(QStringLiteral("expect_status"))),
         jobsql::textOrNull(body.string(QStringLiteral("expect_keyword"), QString())),
         body.integer(QStringLiteral("timeout_ms")).value_or(5000),
         body.integer(QStringLiteral("interval_s")).value_or(60),
         body.integer(QStringLiteral("down_interval_s")).value_or(15),
         body.integer(QStringLiteral("degraded_ms")).value_or(2000),
         body.integer(QStringLiteral("tls_warn_days")).value_or(14),
         body.integer(QStringLiteral("fail_threshold")).value_or(2),
         body.integer(QStringLiteral("recover_threshold")).value_or(2),
         jobsql::textOrNull(body.string(QStringLiteral("node_id"), QString())),
         jobsql::textOrNull(body.string(QStringLiteral("customer_id"), QString())),
         body.boolean(QStringLiteral("enabled")).value_or(true), jobsql::timestamp(now),
         kind == QLatin1String("dns") ? QVariant(queryName) : QVariant(QMetaType::fromType<QString>()),
         kind == QLatin1String("dns")
             ? QVariant(body.string(QStringLiteral("query_type"), QStringLiteral("A")))
             : QVariant(QMetaType::fromType<QString>())});
    if (!q) {
        if (sql::hasSqlState(q.error(), sql::ForeignKeyViolation))
            return makeError(errors::InvalidValue, QStringLiteral("no such node or customer"),
                             QStringLiteral("node_id"));
        return nameTakenOr(q.error(), QStringLiteral("check"));
    }
    q->next();
    const QString id = q->value(0).toString();
    auto rows = sql::exec(
        db,
        QString(kChecks).replace(QStringLiteral("ORDER BY"), QStringLiteral("WHERE c.id = ?::uuid ORDER BY")),
        {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return makeError(errors::Internal, QStringLiteral("the new check is not readable"));
    return checkRow(*rows);
}

} // namespace mp::monitoring
