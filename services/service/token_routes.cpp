#include "service/token_routes.h"

#include "api/request_body.h"
#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QSqlQuery>

namespace mp {

namespace {

HttpResponse revoke(const HttpRequest &request, TenantTransaction &tx)
{
    if (auto body = api::emptyBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject); !body)
        return api::errorResponse(body.error());
    bool ok = false;
    const qint64 id = request.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
    const HttpResponse notFound =
        HttpResponse::error(404, errors::NotFound, QStringLiteral("no such API token"), QStringLiteral("id"));
    if (!ok || id <= 0)
        return notFound;
    // Row-level security keeps this to the caller's tenant.
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?::timestamptz) "
                                 "WHERE id = ? RETURNING revoked_at"),
                  {Clock::current().now().toUTC(), id});
    if (!q)
        return api::errorResponse(q.error());
    if (!q->next())
        return notFound;
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("id"), id},
                         {QStringLiteral("revoked_at"), api::timestamp(q->value(0).toDateTime())}});
}

} // namespace

void registerTokenRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/tokens/{id}/revoke"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(r, true,
                                       [&r](TenantTransaction &tx, const Caller &) { return revoke(r, tx); });
               });
}

} // namespace mp
