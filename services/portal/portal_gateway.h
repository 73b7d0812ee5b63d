#pragma once

#include "http/http_message.h"
#include "portal/portal_session.h"

#include <QDateTime>
#include <QJsonObject>

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::portal {

// How a browser session becomes the customer's API identity: each portal call is handed to the
// service's own router as the JSON API call it stands for, with the session's customer access
// token as its bearer token. The API then authenticates, scopes and throttles it exactly as it
// does a customer's own call (the same CustomerSessions, the same row-level security, the same
// sign-in throttle by client address); the portal adds no privilege and no second way in.
class PortalGateway {
public:
    PortalGateway(const Router &router, const ApiContext &context) : m_router(router), m_context(context) {}

    // GET /portal/session: who is signed in, and the session's CSRF token. Refreshes the access
    // token ahead of its expiry (the only place that does, so a page's parallel calls never race
    // to spend one refresh token); a session the API no longer accepts is cleared.
    HttpResponse session(const HttpRequest &request) const;
    // POST /portal/session (sign in) and POST /portal/signup: the API's login and signup for the
    // portal's tenant; the token pair goes into the session cookie, never to the page.
    HttpResponse signIn(const HttpRequest &request) const;
    HttpResponse signUp(const HttpRequest &request) const;
    // DELETE /portal/session: revokes the customer session at the API and clears the cookie.
    HttpResponse signOut(const HttpRequest &request) const;
    // /portal/api/{path*}: the JSON API call /api/{path} as the signed-in customer.
    HttpResponse forward(const HttpRequest &request) const;

    // How far ahead of its expiry GET /portal/session renews the access token.
    static constexpr qint64 kRefreshMarginSeconds = 120;

private:
    HttpResponse call(const HttpRequest &outer, const QString &method, const QString &path,
                      const QString &bearer, const QByteArray &body, const QUrlQuery &query = {}) const;
    HttpResponse openSession(const HttpRequest &request, const QString &apiPath) const;
    HttpResponse finish(const HttpRequest &request, HttpResponse response) const;
    bool secure(const HttpRequest &request) const;
    QString publicUrl() const;

    const Router &m_router;
    const ApiContext &m_context;
};

} // namespace mp::portal
