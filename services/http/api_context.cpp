#include "http/api_context.h"

#include "core/json_log.h"
#include "tenancy/api_tokens.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace mp {

Result<Caller> ApiContext::authenticate(const HttpRequest &request) const
{
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return makeError(QStringLiteral("unauthenticated"),
                         QStringLiteral("send a bearer token: Authorization: Bearer <token>"));
    const QSqlDatabase db = database();
    if (token.startsWith(QLatin1String("mpt_"))) {
        auto identity = ApiTokens::authenticate(db, token);
        if (!identity)
            return identity.error();
        Caller caller;
        caller.kind = Caller::Kind::Staff;
        caller.tenantId = identity->tenantId;
        caller.role = identity->role;
        caller.tokenId = identity->tokenId;
        return caller;
    }
    if (m_customerResolver)
        return m_customerResolver(db, token);
    return makeError(QStringLiteral("unauthenticated"), QStringLiteral("the bearer token is not valid"));
}

HttpResponse ApiContext::inTenant(const Caller &caller, const TenantWork &work) const
{
    auto tx = TenantTransaction::begin(database(), caller.tenantId);
    if (!tx) {
        JsonLog::write(QStringLiteral("api_database_error"), {{QStringLiteral("message"), tx.error().message}});
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the database is unavailable"));
    }
    HttpResponse response = work(tx.value(), caller);
    if (response.status >= 200 && response.status < 300) {
        if (auto s = tx->commit(); !s) {
            JsonLog::write(QStringLiteral("api_database_error"), {{QStringLiteral("message"), s.error().message}});
            return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the change was not saved"));
        }
    }
    return response;
}

HttpResponse ApiContext::asCaller(const HttpRequest &request, bool write, const TenantWork &work) const
{
    auto caller = authenticate(request);
    if (!caller) {
        if (caller.error().code == QLatin1String("database_error"))
            return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the database is unavailable"));
        return HttpResponse::error(401, caller.error());
    }
    if (write && caller->kind == Caller::Kind::Staff && !canWrite(caller->role))
        return HttpResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("this token is read-only"));
    return inTenant(caller.value(), work);
}

HttpResponse ApiContext::asStaff(const HttpRequest &request, bool write, const TenantWork &work) const
{
    return asCaller(request, write, [&work](TenantTransaction &tx, const Caller &caller) {
        if (caller.kind != Caller::Kind::Staff)
            return HttpResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("staff only"));
        return work(tx, caller);
    });
}

Result<QJsonObject> parseJsonBody(const HttpRequest &request, const QStringList &allowed)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("malformed_json"),
                         QStringLiteral("the body is not valid JSON: %1 at offset %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset),
                         QStringLiteral("body"));
    if (!doc.isObject())
        return makeError(QStringLiteral("malformed_json"), QStringLiteral("the body must be a JSON object"),
                         QStringLiteral("body"));
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return makeError(QStringLiteral("unknown_field"), QStringLiteral("unknown field '%1'").arg(it.key()),
                             it.key());
    }
    return object;
}

int statusForError(const Error &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("not_found"))
        return 404;
    if (code == QLatin1String("conflict") || code.endsWith(QLatin1String("_taken")) ||
        code == QLatin1String("invalid_transition"))
        return 409;
    if (code == QLatin1String("forbidden"))
        return 403;
    if (code == QLatin1String("unauthenticated"))
        return 401;
    if (code == QLatin1String("database_error") || code == QLatin1String("internal"))
        return 500;
    if (code == QLatin1String("malformed_json") || code == QLatin1String("unknown_field") ||
        code == QLatin1String("invalid_type") || code == QLatin1String("invalid_parameter"))
        return 400;
    if (code == QLatin1String("rate_limited"))
        return 429;
    return 422;
}

} // namespace mp
