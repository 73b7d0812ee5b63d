#include "http/api_context.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "tenancy/api_tokens.h"
#include "tenancy/role_matrix.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace mp {

Result<Caller> ApiContext::authenticate(const HttpRequest &request) const
{
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return makeError(errors::Unauthenticated,
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
    return makeError(errors::Unauthenticated, QStringLiteral("the bearer token is not valid"));
}

HttpResponse ApiContext::inTenant(const Caller &caller, const TenantWork &work) const
{
    auto tx = TenantTransaction::begin(database(), caller.tenantId);
    if (!tx) {
        JsonLog::write(QStringLiteral("api_database_error"),
                       {{QStringLiteral("message"), tx.error().message}});
        return HttpResponse::error(500, errors::Internal, QStringLiteral("the database is unavailable"));
    }
    HttpResponse response = work(tx.value(), caller);
    if (response.status >= 200 && response.status < 300) {
        if (auto s = tx->commit(); !s) {
            JsonLog::write(QStringLiteral("api_database_error"),
                           {{QStringLiteral("message"), s.error().message}});
            return HttpResponse::error(500, errors::Internal, QStringLiteral("the change was not saved"));
        }
    }
    return response;
}

// The one check of what a staff token may change: the role matrix's action for the route, or
// (for a route the matrix does not list, such as a test module's) any role that may write.
Status ApiContext::mayChange(const Caller &caller, const HttpRequest &request)
{
    if (!isStaff(caller))
        return {}; // customers: each route checks its own scope
    const StaffRole role = caller.role;
    if (!canWrite(role))
        return makeError(errors::Forbidden, QStringLiteral("this token is read-only"));
    if (const auto action = RoleMatrix::actionForRoute(request.method, request.routePattern))
        return RoleMatrix::require(role, *action);
    return {};
}

HttpResponse ApiContext::asCaller(const HttpRequest &request, bool write, const TenantWork &work) const
{
    auto caller = authenticate(request);
    if (!caller) {
        if (caller.error().code == errors::DatabaseError)
            return HttpResponse::error(500, errors::Internal, QStringLiteral("the database is unavailable"));
        return HttpResponse::error(401, caller.error());
    }
    if (write) {
        if (auto allowed = mayChange(*caller, request); !allowed)
            return HttpResponse::error(403, allowed.error());
    }
    return inTenant(caller.value(), work);
}

HttpResponse ApiContext::asStaff(const HttpRequest &request, bool write, const TenantWork &work) const
{
    return asCaller(request, write, [&work](TenantTransaction &tx, const Caller &caller) {
        if (caller.kind != Caller::Kind::Staff)
            return HttpResponse::error(403, errors::Forbidden, QStringLiteral("staff only"));
        return work(tx, caller);
    });
}

namespace {

// No request body of the API nests deeper than a few levels; Qt's parser allows 1024, and a body
// of nothing but brackets costs memory and stack for every one of them.
constexpr int kMaxJsonDepth = 32;

// Whether `json` opens more than `limit` arrays or objects inside each other (brackets inside
// strings do not count). Invalid JSON passes: the parser names that error.
bool nestsDeeperThan(const QByteArray &json, int limit)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

} // namespace

Result<QJsonObject> parseJsonBody(const HttpRequest &request, const QStringList &allowed)
{
    if (nestsDeeperThan(request.body, kMaxJsonDepth))
        return makeError(
            errors::MalformedJson,
            QStringLiteral("the body nests arrays and objects deeper than %1 levels").arg(kMaxJsonDepth),
            QStringLiteral("body"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(errors::MalformedJson,
                         QStringLiteral("the body is not valid JSON: %1 at offset %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset),
                         QStringLiteral("body"));
    if (!doc.isObject())
        return makeError(errors::MalformedJson, QStringLiteral("the body must be a JSON object"),
                         QStringLiteral("body"));
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return makeError(errors::UnknownField, QStringLiteral("unknown field '%1'").arg(it.key()),
                             it.key());
    }
    return object;
}

int statusForError(const Error &error)
{
    switch (error.category) {
    case ErrorCategory::BadRequest:
        return 400;
    case ErrorCategory::Unauthenticated:
        return 401;
    case ErrorCategory::Forbidden:
        return 403;
    case ErrorCategory::NotFound:
        return 404;
    case ErrorCategory::MethodNotAllowed:
        return 405;
    case ErrorCategory::Conflict:
        return 409;
    case ErrorCategory::PayloadTooLarge:
        return 413;
    case ErrorCategory::Unprocessable:
        return 422;
    case ErrorCategory::RateLimited:
        return 429;
    case ErrorCategory::Internal:
        return 500;
    case ErrorCategory::Unavailable:
        return 503;
    }
    return 500;
}

} // namespace mp
