#include "monitoring/monitoring_routes.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "http/api_context.h"
#include "http/router.h"
#include "monitoring/monitoring_bodies.h"
#include "monitoring/monitoring_errors.h"
#include "monitoring/monitoring_store.h"
#include "monitoring/node_metrics.h"
#include "monitoring/service_metrics.h"
#include "monitoring/slow_queries.h"

#include <QUrlQuery>
#include <QUuid>

namespace mp::monitoring {

namespace {

using api::errorResponse;

constexpr qint64 kMaxPoints = 2000;

QString param(const HttpRequest &r, const char *name)
{
    return r.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

// An ISO 8601 time parameter; `fallback` when absent.
Result<QDateTime> timeParam(const HttpRequest &r, const char *name, const QDateTime &fallback)
{
    const QString text = param(r, name);
    if (text.isEmpty())
        return fallback;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return makeError(errors::InvalidParameter,
                         QStringLiteral("%1 is not an ISO 8601 time").arg(QLatin1String(name)),
                         QString::fromLatin1(name));
    return t.toUTC();
}

// ?from= and ?to= (ISO 8601), by default the last hour before now; `from` must come first.
Result<std::pair<QDateTime, QDateTime>> timeWindow(const HttpRequest &r)
{
    auto to = timeParam(r, "to", Clock::current().now());
    if (!to)
        return to.error();
    auto from = timeParam(r, "from", to->addSecs(-3600));
    if (!from)
        return from.error();
    if (*from >= *to)
        return makeError(errors::InvalidRange, QStringLiteral("from must be before to"),
                         QStringLiteral("from"));
    return std::pair{*from, *to};
}

HttpResponse series(const HttpRequest &r, TenantTransaction &tx)
{
    const QString node = param(r, "node");
    const QString metric = param(r, "metric");
    if (QUuid::fromString(node).isNull())
        return HttpResponse::error(400, errors::InvalidParameter, QStringLiteral("node is a node id"),
                                   QStringLiteral("node"));
    if (!metrics::all().contains(metric))
        return HttpResponse::error(
            400, errors::InvalidParameter,
            QStringLiteral("metric must be one of %1").arg(metrics::all().join(QStringLiteral(", "))),
            QStringLiteral("metric"));
    auto window = timeWindow(r);
    if (!window)
        return errorResponse(window.error());
    const auto &[from, to] = *window;
    const qint64 span = from.secsTo(to);
    qint64 step = qMax<qint64>(10, span / kMaxPoints);
    if (const QString s = param(r, "step"); !s.isEmpty()) {
        bool ok = false;
        step = s.toLongLong(&ok);
        if (!ok || step < 1 || span / step > kMaxPoints)
            return HttpResponse::error(
                400, errors::InvalidParameter,
                QStringLiteral("step is seconds per point, at least 1, with at most %1 points")
                    .arg(kMaxPoints),
                QStringLiteral("step"));
    }
    auto points = MonitoringStore::series(tx.db(), node, metric, from, to, step, Clock::current().now());
    if (!points)
        return errorResponse(points.error());
    QJsonArray items;
    for (const SeriesPoint &p : std::as_const(*points))
        items.append(QJsonObject{{QStringLiteral("at"), p.at.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("value"), p.value}});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("node"), node},
                                               {QStringLiteral("metric"), metric},
                                               {QStringLiteral("step"), step},
                                               {QStringLiteral("points"), items}});
}

HttpResponse slowQueries(const HttpRequest &r, TenantTransaction &tx)
{
    if (param(r, "from").isEmpty() && param(r, "to").isEmpty()) {
        auto recorded = SlowQueries::recorded(tx.db(), 200);
        if (!recorded)
            return errorResponse(recorded.error());
        QJsonArray items;
        for (const SlowQuery &q : std::as_const(*recorded))
            items.append(q.toJson());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
    }
    auto window = timeWindow(r);
    if (!window)
        return errorResponse(window.error());
    const auto &[from, to] = *window;
    bool ok = true;
    const QString min = param(r, "min_mean_ms");
    const double minMean = min.isEmpty() ? 0.0 : min.toDouble(&ok);
    if (!ok || minMean < 0)
        return HttpResponse::error(400, errors::InvalidParameter, QStringLiteral("min_mean_ms is a number"),
                                   QStringLiteral("min_mean_ms"));
    auto slow = SlowQueries::window(tx.db(), from, to, minMean);
    if (!slow)
        return errorResponse(slow.error());
    QJsonArray items;
    for (const SlowQuery &q : std::as_const(*slow))
        items.append(q.toJson());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

template<class F> HttpResponse jsonOf(F &&read)
{
    auto value = read();
    if (!value)
        return errorResponse(value.error());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), *value}});
}

} // namespace

void registerMonitoringRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/monitoring/overview"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(r, false, [](TenantTransaction &tx, const Caller &) {
                       auto o = MonitoringStore::overview(tx.db());
                       return o ? HttpResponse::json(200, *o) : errorResponse(o.error());
                   });
               });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/monitoring/series"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [&r](TenantTransaction &tx, const Caller &) { return series(r, tx); });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/monitoring/slow-queries"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, false, [&r](TenantTransaction &tx, const Caller &) { return slowQueries(r, tx); });
               });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/monitoring/alerts"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [&r](TenantTransaction &tx, const Caller &) {
            const bool open = param(r, "open") == QLatin1String("true");
            const QString customer = param(r, "customer_id");
            if (!customer.isEmpty() && QUuid::fromString(customer).isNull())
                return HttpResponse::error(400, errors::InvalidParameter,
                                           QStringLiteral("customer_id is a customer id"),
                                           QStringLiteral("customer_id"));
            return jsonOf([&] { return MonitoringStore::alerts(tx.db(), open, 500, customer); });
        });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/monitoring/checks"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [](TenantTransaction &tx, const Caller &) {
            return jsonOf([&] { return MonitoringStore::checks(tx.db()); });
        });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/monitoring/checks"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true, [&r](TenantTransaction &tx, const Caller &c) {
            auto body = checkBody().parse(r);
            if (!body)
                return errorResponse(body.error());
            auto check = MonitoringStore::addCheck(tx.db(), c.tenantId, *body, Clock::current().now());
            return check ? HttpResponse::json(201, *check) : errorResponse(check.error());
        });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/monitoring/nodes"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true, [&r](TenantTransaction &tx, const Caller &c) {
            auto body = nodeBody().parse(r);
            if (!body)
                return errorResponse(body.error());
            auto node = MonitoringStore::addNode(tx.db(), c.tenantId, *body, Clock::current().now());
            return node ? HttpResponse::json(201, *node) : errorResponse(node.error());
        });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/metrics"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [](TenantTransaction &tx, const Caller &) {
            auto text = serviceMetrics(tx.db());
            if (!text)
                return errorResponse(text.error());
            HttpResponse response;
            response.contentType = kExpositionContentType;
            response.body = *text;
            return response;
        });
    });
}

} // namespace mp::monitoring
