#include "portal/portal_gateway.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "http/api_context.h"
#include "http/http_errors.h"
#include "http/router.h"
#include "portal/portal_errors.h"
#include "portal/portal_security.h"
#include "tenancy/tenants.h"

#include <QJsonDocument>

namespace mp::portal {

namespace {

QJsonObject jsonOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

HttpResponse signedOut()
{
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("signed_in"), false}});
}

HttpResponse refused(const Error &error)
{
    return HttpResponse::error(statusForError(error), error);
}

} // namespace

QString PortalGateway::publicUrl() const
{
    return m_context.config().value(QStringLiteral("MPANEL_PUBLIC_URL"));
}

bool PortalGateway::secure(const HttpRequest &request) const
{
    return SessionCookie::secureRequest(request, publicUrl());
}

HttpResponse PortalGateway::finish(const HttpRequest &, HttpResponse response) const
{
    // Answers about a session are never stored by a browser or a proxy.
    response.headers.append({QByteArray("Cache-Control"), QByteArray("no-store")});
    PortalSecurity::addHeaders(response);
    return response;
}

HttpResponse PortalGateway::call(const HttpRequest &outer, const QString &method, const QString &path,
                                 const QString &bearer, const QByteArray &body, const QUrlQuery &query) const
{
    // Only what the API reads is passed on: never the browser's cookies, and never an
    // Authorization header of its own (the session decides who is calling).
    HttpRequest inner;
    inner.method = method;
    inner.path = path;
    inner.query = query;
    inner.body = body;
    inner.remoteAddress = outer.remoteAddress;
    if (!body.isEmpty())
        inner.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    if (!bearer.isEmpty())
        inner.headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
    for (const QByteArray &name : {QByteArray("Idempotency-Key"), QByteArray("Accept-Language")}) {
        if (const QByteArray value = outer.header(name); !value.isEmpty())
            inner.headers.append({name, value});
    }
    if (const qsizetype limit = m_router.maxBodyBytes(method, path); limit > 0 && body.size() > limit)
        return HttpResponse::error(413, errors::BodyTooLarge,
                                   QStringLiteral("the request body exceeds %1 bytes").arg(limit));
    return m_router.dispatch(inner);
}

HttpResponse PortalGateway::session(const HttpRequest &request) const
{
    auto current = PortalSession::fromRequest(request);
    if (!current)
        return finish(request, signedOut());
    const QDateTime now = Clock::current().now();
    bool renewed = false;
    if (current->accessExpiresWithin(now, kRefreshMarginSeconds)) {
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), current->refreshToken}})
                .toJson(QJsonDocument::Compact);
        const HttpResponse refreshed =
            call(request, QStringLiteral("POST"), QStringLiteral("/api/auth/refresh"), {}, body);
        if (refreshed.status >= 500)
            return finish(request, refreshed);
        auto next = refreshed.status == 200
                        ? PortalSession::fromTokens(jsonOf(refreshed), now, current->csrfToken)
                        : std::nullopt;
        if (!next) {
            HttpResponse out = signedOut();
            out.headers.append({"Set-Cookie", SessionCookie::clear(secure(request))});
            return finish(request, out);
        }
        current = next;
        renewed = true;
    }
    const HttpResponse me =
        call(request, QStringLiteral("GET"), QStringLiteral("/api/customers/") + current->customerId,
             current->accessToken, {});
    if (me.status >= 500)
        return finish(request, me);
    if (me.status != 200) {
        // Revoked (signed out elsewhere, suspended, password changed): the cookie is worthless.
        HttpResponse out = signedOut();
        out.headers.append({"Set-Cookie", SessionCookie::clear(secure(request))});
        return finish(request, out);
    }
    HttpResponse out = HttpResponse::json(200, QJsonObject{{QStringLiteral("signed_in"), true},
                                                           {QStringLiteral("csrf_token"), current->csrfToken},
                                                           {QStringLiteral("customer"), jsonOf(me)}});
    if (renewed)
        out.headers.append({"Set-Cookie", SessionCookie::set(*current, secure(request))});
    return finish(request, out);
}

HttpResponse PortalGateway::openSession(const HttpRequest &request, const QString &apiPath) const
{
    if (auto fromPage = PortalSecurity::checkFromOurPage(request, publicUrl()); !fromPage)
        return finish(request, refused(fromPage.error()));
    // The portal serves one tenant: MPANEL_PORTAL_TENANT, else the first (the one the service
    // created on its first start). The page never names it, so it cannot pick another.
    QString tenantId = m_context.config().value(QStringLiteral("MPANEL_PORTAL_TENANT"));
    if (tenantId.isEmpty()) {
        auto tenants = Tenants::list(m_context.database());
        if (!tenants)
            return finish(request, api::internalError(tenants.error()));
        if (tenants->isEmpty())
            return finish(request, HttpResponse::error(503, errors::PortalNoTenant,
                                                       QStringLiteral("the service has no tenant yet")));
        tenantId = tenants->first().id;
    }
    // The body is the API's own (its field table names every wrong field); only the tenant is
    // the portal's to set. A body that is not a JSON object goes on as it is, for the API to refuse.
    QByteArray body = request.body;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (doc.isObject()) {
        QJsonObject object = doc.object();
        object.insert(QStringLiteral("tenant_id"), tenantId);
        body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    HttpResponse answer = call(request, QStringLiteral("POST"), apiPath, {}, body);
    if (answer.status != 200 && answer.status != 201)
        return finish(request, answer);
    auto opened = PortalSession::fromTokens(jsonOf(answer), Clock::current().now());
    if (!opened)
        return finish(request,
                      HttpResponse::error(500, errors::Internal, QStringLiteral("no session was opened")));
    // A session this browser had before is ended, not left valid behind the new cookie.
    if (auto previous = PortalSession::fromRequest(request)) {
        const QByteArray logout =
            QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), previous->refreshToken}})
                .toJson(QJsonDocument::Compact);
        call(request, QStringLiteral("POST"), QStringLiteral("/api/auth/logout"), {}, logout);
    }
    HttpResponse out =
        HttpResponse::json(answer.status, QJsonObject{{QStringLiteral("signed_in"), true},
                                                      {QStringLiteral("csrf_token"), opened->csrfToken},
                                                      {QStringLiteral("customer_id"), opened->customerId}});
    out.headers.append({"Set-Cookie", SessionCookie::set(*opened, secure(request))});
    return finish(request, out);
}

HttpResponse PortalGateway::signIn(const HttpRequest &request) const
{
    return openSession(request, QStringLiteral("/api/auth/login"));
}

HttpResponse PortalGateway::signUp(const HttpRequest &request) const
{
    return openSession(request, QStringLiteral("/api/auth/signup"));
}

HttpResponse PortalGateway::signOut(const HttpRequest &request) const
{
    auto current = PortalSession::fromRequest(request);
    if (!current)
        return finish(request, refused(makeError(errors::NotSignedIn, QStringLiteral("not signed in"))));
    if (auto csrf = PortalSecurity::checkCsrf(request, *current, publicUrl()); !csrf)
        return finish(request, refused(csrf.error()));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), current->refreshToken}})
            .toJson(QJsonDocument::Compact);
    const HttpResponse revoked =
        call(request, QStringLiteral("POST"), QStringLiteral("/api/auth/logout"), {}, body);
    // 401: the session had already ended (expired, revoked elsewhere); signing out still succeeds.
    if (revoked.status != 200 && revoked.status != 401)
        return finish(request, revoked);
    HttpResponse out = signedOut();
    out.headers.append({"Set-Cookie", SessionCookie::clear(secure(request))});
    return finish(request, out);
}

HttpResponse PortalGateway::forward(const HttpRequest &request) const
{
    auto current = PortalSession::fromRequest(request);
    if (!current)
        return finish(request, refused(makeError(errors::NotSignedIn, QStringLiteral("sign in first"))));
    if (PortalSecurity::isUnsafe(request.method)) {
        if (auto csrf = PortalSecurity::checkCsrf(request, *current, publicUrl()); !csrf)
            return finish(request, refused(csrf.error()));
    }
    if (current->accessExpired(Clock::current().now()))
        return finish(request,
                      refused(makeError(errors::SessionExpired,
                                        QStringLiteral("the session needs renewing: GET /portal/session"))));
    const QString rest = request.pathParams.value(QStringLiteral("path"));
    // Sessions are the portal's own business (above), never the page's.
    if (rest == QLatin1String("auth") || rest.startsWith(QLatin1String("auth/")))
        return finish(request,
                      HttpResponse::error(404, errors::NotFound, QStringLiteral("no such endpoint")));
    return finish(request, call(request, request.method, QStringLiteral("/api/") + rest, current->accessToken,
                                request.body, request.query));
}

} // namespace mp::portal
