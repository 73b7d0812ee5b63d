#pragma once

#include "core/result.h"
#include "http/http_message.h"
#include "portal/portal_session.h"

namespace mp::portal {

// What keeps the portal's pages and calls safe in a browser: the response headers every portal
// answer carries, and the checks an unsafe request must pass before anything changes.
class PortalSecurity {
public:
    // No inline script or style, nothing from another origin, no framing. The pages are
    // written for it: scripts and styles are files under /portal/assets/.
    static const QByteArray &contentSecurityPolicy();
    static void addHeaders(HttpResponse &response);
    // POST, PUT, PATCH, DELETE: everything but GET, HEAD and OPTIONS.
    static bool isUnsafe(const QString &method);
    // A signed-in unsafe request must send the session's CSRF token in X-CSRF-Token (the page
    // reads it from GET /portal/session; another site can neither read it nor send the header
    // without a CORS preflight, which the service never grants).
    static Status checkCsrf(const HttpRequest &request, const PortalSession &session,
                            const QString &publicUrl);
    // Before there is a session (sign-in, sign-up) there is no token: the request must be a
    // JSON fetch from a page of ours (Content-Type application/json and X-Requested-With), which
    // a cross-site form cannot send, and a present Origin must be our own (the Host the request
    // came to, or MPANEL_PUBLIC_URL's).
    static Status checkFromOurPage(const HttpRequest &request, const QString &publicUrl);
};

} // namespace mp::portal
