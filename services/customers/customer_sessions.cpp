#include "customers/customer_sessions.h"

#include "core/clock.h"
#include "core/errors.h"
#include "customers/customer_errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace mp::customers {

namespace {

const QString kAccessPrefix = QStringLiteral("mpc_");
const QString kRefreshPrefix = QStringLiteral("mpr_");

} // namespace

QString CustomerSessions::randomToken(const QString &prefix)
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return prefix + QString::fromLatin1(
                        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

namespace {

Error unauthenticated(const QString &message)
{
    return makeError(errors::Unauthenticated, message);
}

bool plausible(const QString &token, const QString &prefix)
{
    return token.startsWith(prefix) && token.size() < 100;
}

// Issues an access and a refresh token in an existing session.
Result<TokenPair> issue(TenantTransaction &tx, const QString &sessionId, const QString &customerId)
{
    TokenPair pair;
    pair.sessionId = sessionId;
    pair.customerId = customerId;
    pair.accessToken = CustomerSessions::randomToken(kAccessPrefix);
    pair.refreshToken = CustomerSessions::randomToken(kRefreshPrefix);
    const QDateTime now = Clock::current().now();
    pair.accessExpiresAt = now.addSecs(CustomerSessions::kAccessSeconds);
    pair.refreshExpiresAt = now.addSecs(CustomerSessions::kRefreshSeconds);
    auto q = sql::exec(tx.db(),
                       QStringLiteral("INSERT INTO customer_tokens (tenant_id, session_id, kind, token_hash, "
                                      "                             created_at, expires_at) "
                                      "VALUES (?::uuid, ?::uuid, 'access', ?, ?, ?), "
                                      "       (?::uuid, ?::uuid, 'refresh', ?, ?, ?)"),
                       {tx.tenantId(), sessionId, CustomerSessions::hash(pair.accessToken), now,
                        pair.accessExpiresAt, tx.tenantId(), sessionId,
                        CustomerSessions::hash(pair.refreshToken), now, pair.refreshExpiresAt});
    if (!q)
        return q.error();
    return pair;
}

} // namespace

QByteArray CustomerSessions::hash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

Result<TokenPair> CustomerSessions::open(TenantTransaction &tx, const QString &customerId,
                                         const QString &remoteAddress)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("INSERT INTO customer_sessions (tenant_id, customer_id, created_at, "
                                      "                               remote_address) "
                                      "VALUES (?::uuid, ?::uuid, ?, NULLIF(?, '')) RETURNING id"),
                       {tx.tenantId(), customerId, Clock::current().now(), remoteAddress});
    if (!q)
        return q.error();
    q->next();
    return issue(tx, q->value(0).toString(), customerId);
}

Result<Caller> CustomerSessions::resolveAccessToken(const QSqlDatabase &owner, const QString &token)
{
    const Error rejected =
        unauthenticated(QStringLiteral("the bearer token is missing, unknown, expired or revoked"));
    if (!plausible(token, kAccessPrefix))
        return rejected;
    auto q = sql::exec(owner,
                       QStringLiteral("SELECT t.tenant_id, s.customer_id, t.id "
                                      "FROM customer_tokens t "
                                      "JOIN customer_sessions s ON s.id = t.session_id "
                                      "JOIN customers c ON c.id = s.customer_id "
                                      "WHERE t.token_hash = ? AND t.kind = 'access' AND t.expires_at > ? "
                                      "  AND s.revoked_at IS NULL AND c.status = 'active'"),
                       {hash(token), Clock::current().now()});
    if (!q)
        return q.error();
    if (!q->next())
        return rejected;
    Caller caller;
    caller.kind = Caller::Kind::Customer;
    caller.tenantId = q->value(0).toString();
    caller.customerId = q->value(1).toString();
    caller.tokenId = q->value(2).toLongLong();
    return caller;
}

Result<QString> CustomerSessions::tenantOfRefreshToken(const QSqlDatabase &owner, const QString &token)
{
    const Error rejected =
        unauthenticated(QStringLiteral("the refresh token is unknown, expired or revoked"));
    if (!plausible(token, kRefreshPrefix))
        return rejected;
    auto q = sql::exec(
        owner,
        QStringLiteral("SELECT tenant_id FROM customer_tokens WHERE token_hash = ? AND kind = 'refresh'"),
        {hash(token)});
    if (!q)
        return q.error();
    if (!q->next())
        return rejected;
    return q->value(0).toString();
}

Result<TokenPair> CustomerSessions::rotate(TenantTransaction &tx, const QString &refreshToken)
{
    const QDateTime now = Clock::current().now();
    // Marking the token used is the claim: of two concurrent refreshes exactly one updates it.
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("UPDATE customer_tokens t SET used_at = ? "
                                 "FROM customer_sessions s JOIN customers c ON c.id = s.customer_id "
                                 "WHERE t.token_hash = ? AND t.kind = 'refresh' AND t.used_at IS NULL "
                                 "  AND t.expires_at > ? AND s.id = t.session_id AND s.revoked_at IS NULL "
                                 "  AND c.status = 'active' "
                                 "RETURNING t.session_id, s.customer_id"),
                  {now, hash(refreshToken), now});
    if (!q)
        return q.error();
    if (q->next())
        return issue(tx, q->value(0).toString(), q->value(1).toString());

    auto used = sql::exec(tx.db(),
                          QStringLiteral("SELECT session_id FROM customer_tokens "
                                         "WHERE token_hash = ? AND kind = 'refresh' AND used_at IS NOT NULL"),
                          {hash(refreshToken)});
    if (!used)
        return used.error();
    if (used->next()) {
        if (auto s = revokeSession(tx, used->value(0).toString(), QStringLiteral("refresh_token_reused")); !s)
            return s.error();
        return makeError(
            errors::TokenReused,
            QStringLiteral("this refresh token was already used; the session is revoked, sign in again"));
    }
    return unauthenticated(QStringLiteral("the refresh token is unknown, expired or revoked"));
}

Status CustomerSessions::revokeByRefreshToken(TenantTransaction &tx, const QString &refreshToken)
{
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("SELECT t.session_id FROM customer_tokens t "
                                 "JOIN customer_sessions s ON s.id = t.session_id "
                                 "WHERE t.token_hash = ? AND t.kind = 'refresh' AND s.revoked_at IS NULL"),
                  {hash(refreshToken)});
    if (!q)
        return q.error();
    if (!q->next())
        return unauthenticated(QStringLiteral("the refresh token is unknown or already signed out"));
    return revokeSession(tx, q->value(0).toString(), QStringLiteral("logout"));
}

Status CustomerSessions::revokeByAccessTokenId(TenantTransaction &tx, qint64 tokenId)
{
    auto q = sql::exec(
        tx.db(), QStringLiteral("SELECT session_id FROM customer_tokens WHERE id = ? AND kind = 'access'"),
        {tokenId});
    if (!q)
        return q.error();
    if (!q->next())
        return unauthenticated(QStringLiteral("the access token is unknown"));
    return revokeSession(tx, q->value(0).toString(), QStringLiteral("logout"));
}

Status CustomerSessions::revokeSession(TenantTransaction &tx, const QString &sessionId, const QString &reason)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("UPDATE customer_sessions SET revoked_at = ?, revoke_reason = ? "
                                      "WHERE id = ?::uuid AND revoked_at IS NULL"),
                       {Clock::current().now(), reason, sessionId});
    if (!q)
        return q.error();
    return {};
}

Status CustomerSessions::revokeAllFor(TenantTransaction &tx, const QString &customerId, const QString &reason)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("UPDATE customer_sessions SET revoked_at = ?, revoke_reason = ? "
                                      "WHERE customer_id = ?::uuid AND revoked_at IS NULL"),
                       {Clock::current().now(), reason, customerId});
    if (!q)
        return q.error();
    return {};
}

} // namespace mp::customers
