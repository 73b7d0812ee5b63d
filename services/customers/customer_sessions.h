#pragma once

#include "core/result.h"
#include "http/api_context.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::customers {

struct TokenPair {
    QString sessionId;
    QString customerId;
    QString accessToken;  // "mpc_...": a bearer token for the API, short-lived
    QString refreshToken; // "mpr_...": trades once for a new pair
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt;
};

// Customer sign-in sessions. Tokens are 256 random bits shown once; only their SHA-256 is
// stored. A refresh token is used once: refreshing rotates both tokens, and presenting a
// refresh token a second time (a stolen copy racing its owner) revokes the whole session.
class CustomerSessions {
public:
    static constexpr qint64 kAccessSeconds = 15 * 60;
    static constexpr qint64 kRefreshSeconds = 30 * 24 * 3600;

    static Result<TokenPair> open(TenantTransaction &tx, const QString &customerId,
                                  const QString &remoteAddress);

    // Runs on the service's own connection, before the tenant is known: the token names it.
    // For ApiContext::setCustomerTokenResolver.
    static Result<Caller> resolveAccessToken(const QSqlDatabase &owner, const QString &token);
    // The tenant a refresh token belongs to ("unauthenticated" when unknown).
    static Result<QString> tenantOfRefreshToken(const QSqlDatabase &owner, const QString &token);

    // Trades a refresh token for a new pair. Errors: "unauthenticated" (unknown, expired or
    // revoked), "token_reused" (the session has been revoked: the caller must commit that).
    static Result<TokenPair> rotate(TenantTransaction &tx, const QString &refreshToken);
    // Revokes the session a refresh token belongs to; "unauthenticated" when there is none.
    static Status revokeByRefreshToken(TenantTransaction &tx, const QString &refreshToken);
    // Revokes the session an access token (by its customer_tokens id) belongs to.
    static Status revokeByAccessTokenId(TenantTransaction &tx, qint64 tokenId);
    static Status revokeSession(TenantTransaction &tx, const QString &sessionId, const QString &reason);
    // Revokes every open session of a customer (suspension, password change).
    static Status revokeAllFor(TenantTransaction &tx, const QString &customerId, const QString &reason);

    static QByteArray hash(const QString &token);
    // `prefix` and 32 random bytes (base64url): session tokens, password-reset tokens.
    static QString randomToken(const QString &prefix);
};

} // namespace mp::customers
