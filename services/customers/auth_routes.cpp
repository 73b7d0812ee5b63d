#include "customers/customer_routes.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "customers/auth_bodies.h"
#include "customers/customer_errors.h"
#include "customers/customer_json.h"
#include "customers/customer_sessions.h"
#include "customers/customers.h"
#include "customers/password_hasher.h"
#include "customers/password_resets.h"
#include "customers/sign_in_throttle.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/router.h"
#include "tenancy/tenants.h"

#include <QUuid>

namespace mp::customers {

namespace {

using api::errorResponse;

QJsonObject tokenBody(const TokenPair &pair)
{
    return QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("access_token"), pair.accessToken},
                       {QStringLiteral("expires_in"), CustomerSessions::kAccessSeconds},
                       {QStringLiteral("refresh_token"), pair.refreshToken},
                       {QStringLiteral("refresh_expires_in"), CustomerSessions::kRefreshSeconds},
                       {QStringLiteral("customer_id"), pair.customerId}};
}

HttpResponse invalidCredentials()
{
    return HttpResponse::error(401, errors::InvalidCredentials,
                               QStringLiteral("the email or the password is wrong"));
}

// The tenant a signup or login is for; a tenant that does not exist is a 422 on tenant_id.
Result<QString> tenantFrom(const ApiContext &ctx, const api::BodyValues &body)
{
    const QString id = body.string(QStringLiteral("tenant_id"), QString());
    const Error unknown =
        makeError(errors::UnknownTenant, QStringLiteral("no such tenant"), QStringLiteral("tenant_id"));
    if (!isUuid(id))
        return unknown;
    auto tenant = Tenants::find(ctx.database(), id);
    if (!tenant)
        return tenant.error().code == errors::NotFound ? unknown : tenant.error();
    return tenant->id;
}

// Like ApiContext::inTenant, but commits whatever `work` answers below 500: a failed sign-in
// must leave its failure row behind, and a reused refresh token its revoked session.
HttpResponse inTenantAlwaysCommit(const ApiContext &ctx, const QString &tenantId,
                                  const std::function<HttpResponse(TenantTransaction &)> &work)
{
    auto tx = TenantTransaction::begin(ctx.database(), tenantId);
    if (!tx)
        return api::internalError(tx.error());
    HttpResponse response = work(*tx);
    if (response.status < 500) {
        if (auto s = tx->commit(); !s)
            return api::internalError(s.error());
    }
    return response;
}

HttpResponse signup(const ApiContext &ctx, const HttpRequest &request)
{
    auto body = CustomerJson::signupBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto tenant = tenantFrom(ctx, *body);
    if (!tenant)
        return errorResponse(tenant.error());
    const CustomerDraft draft = CustomerJson::draftFrom(*body);
    if (!draft.password || draft.password->isEmpty())
        return HttpResponse::error(422, errors::Required, QStringLiteral("'password' is required"),
                                   QStringLiteral("password"));
    Caller caller;
    caller.kind = Caller::Kind::Customer;
    caller.tenantId = *tenant;
    const QString address = request.remoteAddress.toString();
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &) {
        // Only signups that commit count (a refused one rolls back with its row).
        auto wait = SignInThrottle::lockSignup(tx, address);
        if (!wait)
            return errorResponse(wait.error());
        if (*wait > 0) {
            HttpResponse r = HttpResponse::error(
                429, errors::RateLimited,
                QStringLiteral("too many signups from this address; try again in %1 seconds").arg(*wait));
            r.headers.append({"Retry-After", QByteArray::number(*wait)});
            return r;
        }
        auto customer = Customers::create(tx, draft);
        if (!customer)
            return errorResponse(customer.error());
        if (auto s = SignInThrottle::recordSignup(tx, address); !s)
            return errorResponse(s.error());
        auto pair = CustomerSessions::open(tx, customer->id, address);
        if (!pair)
            return errorResponse(pair.error());
        QJsonObject out = tokenBody(*pair);
        out.insert(QStringLiteral("customer"), CustomerJson::toJson(*customer, false));
        return HttpResponse::json(201, out);
    });
}

HttpResponse login(const ApiContext &ctx, const HttpRequest &request)
{
    auto body = loginBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto tenant = tenantFrom(ctx, *body);
    if (!tenant)
        return errorResponse(tenant.error());
    const auto email = body->string(QStringLiteral("email"));
    const auto password = body->string(QStringLiteral("password"));
    if (password->size() > PasswordHasher::kMaxLength || email->size() > 254)
        return invalidCredentials();
    const QString address = request.remoteAddress.toString();

    return inTenantAlwaysCommit(ctx, *tenant, [&](TenantTransaction &tx) {
        if (auto s = SignInThrottle::lockAccount(tx, *email); !s)
            return errorResponse(s.error());
        auto wait = SignInThrottle::retryAfter(tx, *email, address);
        if (!wait)
            return errorResponse(wait.error());
        if (*wait > 0) {
            HttpResponse r = HttpResponse::error(
                429, errors::RateLimited,
                QStringLiteral("too many failed sign-ins; try again in %1 seconds").arg(*wait));
            r.headers.append({"Retry-After", QByteArray::number(*wait)});
            return r;
        }
        auto record = Customers::signInRecord(tx, *email);
        if (!record && record.error().code != errors::NotFound)
            return errorResponse(record.error());
        bool ok = false;
        if (record && !record->passwordHash.isEmpty())
            ok = PasswordHasher::verify(record->passwordHash, *password);
        else
            PasswordHasher::verifyDummy(*password);
        if (!ok) {
            if (auto s = SignInThrottle::recordFailure(tx, *email, address); !s)
                return errorResponse(s.error());
            return invalidCredentials();
        }
        if (record->status != QLatin1String("active"))
            return HttpResponse::error(
                403, errors::AccountDisabled,
                QStringLiteral("this account is %1; contact the provider").arg(record->status));
        if (auto s = SignInThrottle::clearAccount(tx, *email); !s)
            return errorResponse(s.error());
        auto pair = CustomerSessions::open(tx, record->customerId, address);
        if (!pair)
            return errorResponse(pair.error());
        return HttpResponse::json(200, tokenBody(*pair));
    });
}

Result<QString> refreshTokenFrom(const HttpRequest &request, bool required)
{
    // Logout with a bearer token may come without any body at all.
    auto body = refreshTokenBody().parse(request, required ? api::RequestBody::Empty::Refused
                                                           : api::RequestBody::Empty::AllowedAsEmptyObject);
    if (!body)
        return body.error();
    const auto token = body->string(QStringLiteral("refresh_token"));
    if (required && !token)
        return makeError(errors::Required, QStringLiteral("'refresh_token' is required"),
                         QStringLiteral("refresh_token"));
    return token.value_or(QString());
}

HttpResponse refresh(const ApiContext &ctx, const HttpRequest &request)
{
    auto token = refreshTokenFrom(request, true);
    if (!token)
        return errorResponse(token.error());
    auto tenant = CustomerSessions::tenantOfRefreshToken(ctx.database(), *token);
    if (!tenant)
        return errorResponse(tenant.error());
    return inTenantAlwaysCommit(ctx, *tenant, [&](TenantTransaction &tx) {
        auto pair = CustomerSessions::rotate(tx, *token);
        if (!pair) {
            if (pair.error().code == errors::TokenReused)
                return HttpResponse::error(401, pair.error());
            return errorResponse(pair.error());
        }
        return HttpResponse::json(200, tokenBody(*pair));
    });
}

HttpResponse logout(const ApiContext &ctx, const HttpRequest &request)
{
    auto token = refreshTokenFrom(request, false);
    if (!token)
        return errorResponse(token.error());
    if (!token->isEmpty()) {
        auto tenant = CustomerSessions::tenantOfRefreshToken(ctx.database(), *token);
        if (!tenant)
            return errorResponse(tenant.error());
        return inTenantAlwaysCommit(ctx, *tenant, [&](TenantTransaction &tx) {
            if (auto s = CustomerSessions::revokeByRefreshToken(tx, *token); !s)
                return errorResponse(s.error());
            return HttpResponse::json(200,
                                      QJsonObject{{QStringLiteral("status"), QStringLiteral("signed_out")}});
        });
    }
    return ctx.asCaller(request, false, [](TenantTransaction &tx, const Caller &caller) {
        if (caller.kind != Caller::Kind::Customer)
            return HttpResponse::error(
                400, errors::NotACustomerToken,
                QStringLiteral("staff tokens are revoked with `mpanel-service token`"));
        if (auto s = CustomerSessions::revokeByAccessTokenId(tx, caller.tokenId); !s)
            return errorResponse(s.error());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("signed_out")}});
    });
}

// Always 202 whether or not the address has an account: the answer tells nobody who is a customer.
HttpResponse requestPasswordReset(const ApiContext &ctx, const HttpRequest &request)
{
    auto body = passwordResetRequestBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto tenant = tenantFrom(ctx, *body);
    if (!tenant)
        return errorResponse(tenant.error());
    const QString email = body->string(QStringLiteral("email"), QString());
    const QString address = request.remoteAddress.toString();
    return inTenantAlwaysCommit(ctx, *tenant, [&](TenantTransaction &tx) {
        auto wait = PasswordResets::request(tx, email, address, Clock::current().now());
        if (!wait)
            return errorResponse(wait.error());
        if (*wait > 0) {
            HttpResponse r = HttpResponse::error(
                429, errors::RateLimited,
                QStringLiteral("too many password resets asked from this address; try again in %1 seconds")
                    .arg(*wait));
            r.headers.append({"Retry-After", QByteArray::number(*wait)});
            return r;
        }
        return HttpResponse::json(202, QJsonObject{{QStringLiteral("status"), QStringLiteral("accepted")},
                                                   {QStringLiteral("note"),
                                                    QStringLiteral("if the address has an account, a link to "
                                                                   "choose a new password is on its way")}});
    });
}

HttpResponse confirmPasswordReset(const ApiContext &ctx, const HttpRequest &request)
{
    auto body = passwordResetConfirmBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto tenant = tenantFrom(ctx, *body);
    if (!tenant)
        return errorResponse(tenant.error());
    Caller caller;
    caller.kind = Caller::Kind::Customer;
    caller.tenantId = *tenant;
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &) {
        auto customer = PasswordResets::confirm(tx, body->string(QStringLiteral("token"), QString()),
                                                body->string(QStringLiteral("password"), QString()),
                                                Clock::current().now());
        if (!customer)
            return errorResponse(customer.error());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("password_set")},
                                                   {QStringLiteral("customer_id"), *customer}});
    });
}

} // namespace

void registerAuthRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    // Anyone may call these without signing in: a few fields each, so a small body limit.
    constexpr qsizetype kAuthBodyBytes = 16 * 1024;
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/auth/signup"),
        [ctx](const HttpRequest &r) { return signup(*ctx, r); }, kAuthBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/auth/login"),
        [ctx](const HttpRequest &r) { return login(*ctx, r); }, kAuthBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/auth/refresh"),
        [ctx](const HttpRequest &r) { return refresh(*ctx, r); }, kAuthBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/auth/logout"),
        [ctx](const HttpRequest &r) { return logout(*ctx, r); }, kAuthBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/auth/password-reset"),
        [ctx](const HttpRequest &r) { return requestPasswordReset(*ctx, r); }, kAuthBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/auth/password-reset/confirm"),
        [ctx](const HttpRequest &r) { return confirmPasswordReset(*ctx, r); }, kAuthBodyBytes);
}

} // namespace mp::customers
