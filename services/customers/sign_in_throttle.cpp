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

namespace {

const QString kLockSignup = QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
// The signup that has to leave the window before one more is allowed is the limit-th newest.
const QString kSignupWait = QStringLiteral(
    "SELECT coalesce(ceil(extract(epoch FROM (at + make_interval(secs => ?)) - ?::timestamptz)), 0) "
    "FROM sign_in_failures WHERE scope = 'signup' AND key = ? AND at > ? "
    "ORDER BY at DESC OFFSET ? LIMIT 1");
const QString kRecordSignup = QStringLiteral(
    "INSERT INTO sign_in_failures (tenant_id, scope, key, at) VALUES (?::uuid, 'signup', ?, ?)");
const QString kPruneSignups =
    QStringLiteral("DELETE FROM sign_in_failures WHERE scope = 'signup' AND key = ? AND at <= ?");

} // namespace

Result<qint64> SignInThrottle::lockSignup(TenantTransaction &tx, const QString &address)
{
    const QString key = address.left(300);
    if (auto q = sql::exec(tx.db(), kLockSignup, {QStringLiteral("signup:%1:%2").arg(tx.tenantId(), key)});
        !q)
        return q.error();
    const QDateTime now = Clock::current().now();
    auto q = sql::exec(
        tx.db(), kSignupWait,
        {double(kSignupWindowSeconds), now, key, now.addSecs(-kSignupWindowSeconds), kSignupLimit - 1});
    if (!q)
        return q.error();
    return q->next() ? std::max<qint64>(1, q->value(0).toLongLong()) : 0;
}

Status SignInThrottle::recordSignup(TenantTransaction &tx, const QString &address)
{
    const QString key = address.left(300);
    const QDateTime now = Clock::current().now();
    if (auto q = sql::exec(tx.db(), kRecordSignup, {tx.tenantId(), key, now}); !q)
        return q.error();
    if (auto q = sql::exec(tx.db(), kPruneSignups, {key, now.addSecs(-kSignupWindowSeconds)}); !q)
        return q.error();
    return {};
}

} // namespace mp::customers
