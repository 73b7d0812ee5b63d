#include "customers/sign_in_throttle.h"

#include "core/clock.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

namespace mp::customers {

static QString accountKey(const QString &email)
{
    return email.trimmed().toLower().left(300);
}

Status SignInThrottle::lockAccount(TenantTransaction &tx, const QString &email)
{
    auto q = sql::exec(tx.db(), QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"),
                       {QStringLiteral("sign-in:%1:%2").arg(tx.tenantId(), accountKey(email))});
    if (!q)
        return q.error();
    return {};
}

Result<qint64> SignInThrottle::retryAfter(TenantTransaction &tx, const QString &email, const QString &address)
{
    const QDateTime now = Clock::current().now();
    // For each key, the failure that has to age out of the window before one more attempt is
    // allowed is the (count - limit + 1)-th oldest; its age decides the wait.
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("WITH f AS ( "
                       "  SELECT scope, at, row_number() OVER (PARTITION BY scope ORDER BY at DESC) AS n "
                       "  FROM sign_in_failures "
                       "  WHERE at > ? AND ((scope = 'account' AND key = ?) "
                       "                    OR (scope = 'address' AND key = ?))) "
                       "SELECT coalesce(max(ceil(extract(epoch FROM (at + make_interval(secs => ?)) - "
                       "?::timestamptz))), 0) "
                       "FROM f WHERE (scope = 'account' AND n = ?) OR (scope = 'address' AND n = ?)"),
        {now.addSecs(-kWindowSeconds), accountKey(email), address, double(kWindowSeconds), now, kAccountLimit,
         kAddressLimit});
    if (!q)
        return q.error();
    q->next();
    return std::max<qint64>(0, q->value(0).toLongLong());
}

Status SignInThrottle::recordFailure(TenantTransaction &tx, const QString &email, const QString &address)
{
    const QDateTime now = Clock::current().now();
    auto q = sql::exec(tx.db(),
                       QStringLiteral("INSERT INTO sign_in_failures (tenant_id, scope, key, at) "
                                      "VALUES (?::uuid, 'account', ?, ?), (?::uuid, 'address', ?, ?)"),
                       {tx.tenantId(), accountKey(email), now, tx.tenantId(), address.left(300), now});
    if (!q)
        return q.error();
    // Rows that left the window count for nothing: drop this key's, so the table stays small.
    auto prune =
        sql::exec(tx.db(),
                  QStringLiteral("DELETE FROM sign_in_failures WHERE at <= ? "
                                 "AND ((scope = 'account' AND key = ?) OR (scope = 'address' AND key = ?))"),
                  {now.addSecs(-kWindowSeconds), accountKey(email), address.left(300)});
    if (!prune)
        return prune.error();
    return {};
}

Status SignInThrottle::clearAccount(TenantTransaction &tx, const QString &email)
{
    auto q =
        sql::exec(tx.db(), QStringLiteral("DELETE FROM sign_in_failures WHERE scope = 'account' AND key = ?"),
                  {accountKey(email)});
    if (!q)
        return q.error();
    return {};
}

} // namespace mp::customers
