#include "guardian/guardian_routes.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "guardian/guardian_bodies.h"
#include "guardian/guardian_findings.h"
#include "guardian/guardian_settings.h"
#include "guardian/guardian_sources.h"
#include "guardian/remediation.h"
#include "guardian/scan_runner.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QUrlQuery>

namespace mp::guardian {

namespace {

using api::errorResponse;

constexpr int kListLimit = 500;

template<class T> HttpResponse answer(const Result<T> &value, int status = 200)
{
    return value ? HttpResponse::json(status, *value) : errorResponse(value.error());
}

template<class F> HttpResponse items(F &&read)
{
    auto value = read();
    if (!value)
        return errorResponse(value.error());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), *value}});
}

HttpResponse unknownParameter(const QString &name)
{
    return HttpResponse::error(400, errors::UnknownParameter,
                               QStringLiteral("unknown parameter '%1'").arg(name), name);
}

HttpResponse queueScan(const HttpRequest &r, TenantTransaction &tx, const Caller &c)
{
    auto body = scanBody().parse(r, api::RequestBody::Empty::AllowedAsEmptyObject);
    if (!body)
        return errorResponse(body.error());
    ScanRequest request;
    request.host = body->string(QStringLiteral("host"), {});
    request.sourceIds = body->strings(QStringLiteral("source_ids"));
    request.requestedBy = actorOf(c);
    const QString from = body->string(QStringLiteral("from"), {}),
                  to = body->string(QStringLiteral("to"), {});
    if (from.isEmpty() != to.isEmpty())
        return HttpResponse::error(422, errors::InvalidValue,
                                   QStringLiteral("a window needs both from and to"),
                                   from.isEmpty() ? QStringLiteral("from") : QStringLiteral("to"));
    if (!from.isEmpty()) {
        request.from = QDateTime::fromString(from, Qt::ISODateWithMs).toUTC();
        request.to = QDateTime::fromString(to, Qt::ISODateWithMs).toUTC();
        if (request.from >= request.to)
            return HttpResponse::error(422, errors::InvalidValue, QStringLiteral("from must be before to"),
                                       QStringLiteral("from"));
    }
    // Every source named must be the tenant's (row-level security hides the others).
    if (!request.sourceIds.isEmpty()) {
        auto sources = LogSources::lockForScan(tx.db(), request.sourceIds);
        if (!sources)
            return errorResponse(sources.error());
        if (sources->size() != QSet<QString>(request.sourceIds.begin(), request.sourceIds.end()).size())
            return HttpResponse::error(422, errors::InvalidValue, QStringLiteral("no such log source"),
                                       QStringLiteral("source_ids"));
    }
    return answer(Scans::queue(tx.db(), c.tenantId, request, Clock::current().now()), 202);
}

HttpResponse findings(const HttpRequest &r, TenantTransaction &tx)
{
    FindingFilter filter;
    for (const auto &[name, value] : r.query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("severity"))
            filter.severity = value;
        else if (name == QLatin1String("kind"))
            filter.kind = value;
        else if (name == QLatin1String("resource"))
            filter.resource = value;
        else if (name == QLatin1String("open") &&
                 (value == QLatin1String("true") || value == QLatin1String("false")))
            filter.open = value == QLatin1String("true");
        else
            return unknownParameter(name);
    }
    static const QStringList severities{QStringLiteral("low"), QStringLiteral("medium"),
                                        QStringLiteral("high")};
    if (!filter.severity.isEmpty() && !severities.contains(filter.severity))
        return HttpResponse::error(400, errors::InvalidParameter,
                                   QStringLiteral("severity is low, medium or high"),
                                   QStringLiteral("severity"));
    return items([&] { return Findings::list(tx.db(), filter, kListLimit); });
}

QString note(const HttpRequest &r, Error *error)
{
    auto body = decisionBody().parse(r, api::RequestBody::Empty::AllowedAsEmptyObject);
    if (!body) {
        *error = body.error();
        return {};
    }
    return body->string(QStringLiteral("note"), {});
}

} // namespace

void registerGuardianRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    const auto read = [&router,
                       ctx](const QString &path,
                            std::function<HttpResponse(const HttpRequest &, TenantTransaction &)> f) {
        router.add(QStringLiteral("GET"), path, [ctx, f](const HttpRequest &r) {
            return ctx->asStaff(r, false, [&](TenantTransaction &tx, const Caller &) { return f(r, tx); });
        });
    };
    const auto write =
        [&router,
         ctx](const QString &method, const QString &path,
              std::function<HttpResponse(const HttpRequest &, TenantTransaction &, const Caller &)> f) {
            router.add(method, path, [ctx, f](const HttpRequest &r) {
                return ctx->asStaff(r, true,
                                    [&](TenantTransaction &tx, const Caller &c) { return f(r, tx, c); });
            });
        };

    read(QStringLiteral("/api/guardian/scans"), [](const HttpRequest &, TenantTransaction &tx) {
        return items([&] { return Scans::list(tx.db(), kListLimit); });
    });
    write(QStringLiteral("POST"), QStringLiteral("/api/guardian/scans"), &queueScan);
    read(QStringLiteral("/api/guardian/scans/{id}"), [](const HttpRequest &r, TenantTransaction &tx) {
        const auto id = api::uuidParam(r);
        if (!id)
            return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such scan"),
                                       QStringLiteral("id"));
        return answer(Scans::find(tx.db(), *id));
    });
    read(QStringLiteral("/api/guardian/findings"),
         [](const HttpRequest &r, TenantTransaction &tx) { return findings(r, tx); });
    read(QStringLiteral("/api/guardian/findings/{id}"), [](const HttpRequest &r, TenantTransaction &tx) {
        const auto id = api::uuidParam(r);
        if (!id)
            return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such finding"),
                                       QStringLiteral("id"));
        return answer(Findings::find(tx.db(), *id));
    });
    write(QStringLiteral("POST"), QStringLiteral("/api/guardian/findings/{id}/resolve"),
          [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
              Error error;
              const QString text = note(r, &error);
              if (!error.code.isEmpty())
                  return errorResponse(error);
              const auto id = api::uuidParam(r);
              if (!id)
                  return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such finding"),
                                             QStringLiteral("id"));
              return answer(Findings::resolve(tx.db(), *id, actorOf(c), text, Clock::current().now()));
          });
    read(QStringLiteral("/api/guardian/remediations"), [](const HttpRequest &r, TenantTransaction &tx) {
        QString status;
        for (const auto &[name, value] : r.query.queryItems(QUrl::FullyDecoded)) {
            if (name != QLatin1String("status"))
                return unknownParameter(name);
            status = value;
        }
        return items([&] { return Remediations::list(tx.db(), status, kListLimit); });
    });
    for (const QString &decision : {QStringLiteral("approve"), QStringLiteral("dismiss")}) {
        const bool approve = decision == QLatin1String("approve");
        write(QStringLiteral("POST"), QStringLiteral("/api/guardian/remediations/{id}/") + decision,
              [approve](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                  Error error;
                  note(r, &error);
                  if (!error.code.isEmpty())
                      return errorResponse(error);
                  const auto id = api::uuidParam(r);
                  if (!id)
                      return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such remediation"),
                                                 QStringLiteral("id"));
                  const QDateTime now = Clock::current().now();
                  return answer(approve ? Remediations::approve(tx, *id, actorOf(c), now)
                                        : Remediations::dismiss(tx.db(), *id, actorOf(c), now));
              });
    }
    read(QStringLiteral("/api/guardian/blocks"), [](const HttpRequest &, TenantTransaction &tx) {
        return items([&] { return Remediations::blocks(tx.db(), Clock::current().now()); });
    });
    read(QStringLiteral("/api/guardian/allowlist"), [](const HttpRequest &, TenantTransaction &tx) {
        return items([&] { return Allowlist::list(tx.db()); });
    });
    write(QStringLiteral("POST"), QStringLiteral("/api/guardian/allowlist"),
          [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
              auto body = allowlistBody().parse(r);
              if (!body)
                  return errorResponse(body.error());
              return answer(Allowlist::add(tx.db(), c.tenantId, *body, Clock::current().now()), 201);
          });
    read(QStringLiteral("/api/guardian/sources"), [](const HttpRequest &, TenantTransaction &tx) {
        return items([&] { return LogSources::list(tx.db()); });
    });
    write(QStringLiteral("POST"), QStringLiteral("/api/guardian/sources"),
          [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
              auto body = sourceBody().parse(r);
              if (!body)
                  return errorResponse(body.error());
              return answer(LogSources::add(tx.db(), c.tenantId, *body, Clock::current().now()), 201);
          });
    read(QStringLiteral("/api/guardian/settings"), [](const HttpRequest &, TenantTransaction &tx) {
        auto s = GuardianSettingsStore::load(tx.db());
        return s ? HttpResponse::json(200, s->toJson()) : errorResponse(s.error());
    });
    write(QStringLiteral("PUT"), QStringLiteral("/api/guardian/settings"),
          [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
              auto body = settingsBody().parse(r);
              if (!body)
                  return errorResponse(body.error());
              auto s = GuardianSettingsStore::update(tx.db(), c.tenantId, *body, Clock::current().now());
              return s ? HttpResponse::json(200, s->toJson()) : errorResponse(s.error());
          });
}

} // namespace mp::guardian
