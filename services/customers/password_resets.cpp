#include "customers/password_resets.h"

#include "core/errors.h"
#include "customers/customer_errors.h"
#include "customers/customer_sessions.h"
#include "customers/customers.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/domain_events.h"

#include <QSqlQuery>

namespace mp::customers {

namespace {

const auto kLockAddress = QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
// The request that has to leave the window before one more is allowed is the limit-th newest.
const auto kAddressWait = QStringLiteral(
    "SELECT coalesce(ceil(extract(epoch FROM (created_at + make_interval(secs => ?)) - ?::timestamptz)), 0) "
    "FROM customer_password_resets WHERE requested_from = ? AND created_at > ? "
    "ORDER BY created_at DESC OFFSET ? LIMIT 1");
const auto kAccount =
    QStringLiteral("SELECT id::text, name, status FROM customers WHERE lower(email) = lower(?) FOR UPDATE");
const auto kAccountCount = QStringLiteral("SELECT count(*) FROM customer_password_resets WHERE customer_id = "
                                          "?::uuid AND created_at > ? AND mailed");
const auto kInsert = QStringLiteral(R"sql(
INSERT INTO customer_password_resets (tenant_id, customer_id, token_hash, requested_from, mailed, created_at,
                                      expires_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, ?::timestamptz, ?::timestamptz)
RETURNING id::text
)sql");
const auto kInsertUnknown =
    QStringLiteral("INSERT INTO customer_password_resets (tenant_id, requested_from, created_at, expires_at) "
                   "VALUES (?::uuid, ?, ?::timestamptz, ?::timestamptz)");
// Takes the token: only an unused, unexpired one matches, once.
const auto kTake = QStringLiteral(R"sql(
UPDATE customer_password_resets SET used_at = ?::timestamptz
WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?::timestamptz
RETURNING customer_id::text
)sql");
// A new password voids every other link of the account.
const auto kVoidOthers = QStringLiteral("UPDATE customer_password_resets SET used_at = ?::timestamptz WHERE "
                                        "customer_id = ?::uuid AND used_at IS NULL");

const QString kTokenPrefix = QStringLiteral("mpw_");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Result<qint64> PasswordResets::request(TenantTransaction &tx, const QString &email, const QString &address,
                                       const QDateTime &now)
{
    const QString from = address.left(300);
    if (auto q = sql::exec(tx.db(), kLockAddress,
                           {QStringLiteral("password-reset:%1:%2").arg(tx.tenantId(), from)});
        !q)
        return q.error();
    auto wait = sql::exec(
        tx.db(), kAddressWait,
        {double(kWindowSeconds), ts(now), from, ts(now.addSecs(-kWindowSeconds)), kAddressLimit - 1});
    if (!wait)
        return wait.error();
    if (wait->next())
        return std::max<qint64>(1, wait->value(0).toLongLong());

    auto account = sql::exec(tx.db(), kAccount, {email.trimmed()});
    if (!account)
        return account.error();
    if (!account->next() || account->value(2).toString() != QLatin1String("active")) {
        // Nothing to mail, but the request counts against its address all the same.
        if (auto q = sql::exec(tx.db(), kInsertUnknown, {tx.tenantId(), from, ts(now), ts(now)}); !q)
            return q.error();
        return 0;
    }
    const QString customerId = account->value(0).toString();
    const QString name = account->value(1).toString();
    auto mailed = sql::exec(tx.db(), kAccountCount, {customerId, ts(now.addSecs(-kWindowSeconds))});
    if (!mailed)
        return mailed.error();
    const bool mail = mailed->next() && mailed->value(0).toInt() < kAccountLimit;
    const QString token = CustomerSessions::randomToken(kTokenPrefix);
    auto inserted = sql::exec(tx.db(), kInsert,
                              {tx.tenantId(), customerId, CustomerSessions::hash(token), from, mail, ts(now),
                               ts(now.addSecs(kTokenSeconds))});
    if (!inserted)
        return inserted.error();
    if (!mail || !inserted->next())
        return 0;
    // The token travels in the event (and the mail it becomes) only; the table has its hash.
    if (auto s = events::DomainEvents::announce(
            tx,
            {events::PasswordReset, customerId, inserted->value(0).toString(),
             QJsonObject{{QStringLiteral("reset_token"), token},
                         {QStringLiteral("customer_name"), name},
                         {QStringLiteral("expires_at"), ts(now.addSecs(kTokenSeconds))}}},
            now);
        !s)
        return s.error();
    return 0;
}

Result<QString> PasswordResets::confirm(TenantTransaction &tx, const QString &token,
                                        const QString &newPassword, const QDateTime &now)
{
    const Error invalid =
        makeError(errors::InvalidResetToken,
                  QStringLiteral("this link is unknown, was used already or has expired; ask for "
                                 "a new one"),
                  QStringLiteral("token"));
    if (!token.startsWith(kTokenPrefix) || token.size() > 200)
        return invalid;
    auto taken = sql::exec(tx.db(), kTake, {ts(now), CustomerSessions::hash(token), ts(now)});
    if (!taken)
        return taken.error();
    if (!taken->next())
        return invalid;
    const QString customerId = taken->value(0).toString();
    CustomerDraft draft;
    draft.password = newPassword;
    auto updated = Customers::update(tx, customerId, draft);
    if (!updated)
        return updated.error();
    if (auto q = sql::exec(tx.db(), kVoidOthers, {ts(now), customerId}); !q)
        return q.error();
    if (auto s = CustomerSessions::revokeAllFor(tx, customerId, QStringLiteral("password_reset")); !s)
        return s.error();
    return customerId;
}

} // namespace mp::customers
