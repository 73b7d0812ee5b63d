#pragma once

#include "http/http_message.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace mp::portal {

// A signed-in browser, carried whole in one HttpOnly cookie: the customer's own API token pair
// (the same tokens POST /api/auth/login hands out, so the API, its row-level security and its
// revocation apply unchanged), the session's CSRF token, and when the access token runs out.
// Nothing is kept on the server that the customer session tables do not already keep.
struct PortalSession {
    QString accessToken;
    QString refreshToken;
    QString csrfToken;
    QString customerId;
    qint64 accessExpiresAt = 0; // seconds since the epoch

    // The session the request's cookie carries; none for no cookie or a malformed one.
    static std::optional<PortalSession> fromRequest(const HttpRequest &request);
    // A new session from an API token answer ({"access_token", "refresh_token", "expires_in",
    // "customer_id"}); keeps `csrfToken` when given (a refresh keeps the session's token).
    static std::optional<PortalSession> fromTokens(const QJsonObject &tokens, const QDateTime &now,
                                                   const QString &csrfToken = {});
    static QString newCsrfToken();

    bool accessExpired(const QDateTime &now) const { return now.toSecsSinceEpoch() >= accessExpiresAt; }
    // Whether the access token runs out within `marginSeconds` (refreshed ahead of time).
    bool accessExpiresWithin(const QDateTime &now, qint64 marginSeconds) const
    {
        return now.toSecsSinceEpoch() + marginSeconds >= accessExpiresAt;
    }
};

// The cookie's name and attributes. Behind TLS ("Secure") it is "__Host-mp_session", which
// browsers only accept with Secure, Path=/ and no Domain; on plain HTTP (loopback, tests)
// "mp_session". SameSite=Lax: the return from Stripe Checkout is a cross-site top-level GET that
// must arrive signed in; unsafe methods are refused without the CSRF token anyway.
class SessionCookie {
public:
    static constexpr qint64 kMaxAgeSeconds = 30 * 24 * 3600; // the refresh token's lifetime

    static QByteArray set(const PortalSession &session, bool secure);
    static QByteArray clear(bool secure);
    // Whether the browser reached us over TLS: MPANEL_PUBLIC_URL is https, or the proxy in front
    // says so (X-Forwarded-Proto; believing it only ever makes the cookie stricter).
    static bool secureRequest(const HttpRequest &request, const QString &publicUrl);
};

} // namespace mp::portal
