#include "tenancy/api_tokens.h"

#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace mp {

static const QString kPrefix = QStringLiteral("mpt_");

QByteArray ApiTokens::hash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

static QString newToken()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return kPrefix + QString::fromLatin1(
                         random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QString> ApiTokens::createForStaff(const QSqlDatabase &db, const QString &login, const QString &label)
{
    const QString token = newToken();
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO api_tokens (tenant_id, role, token_hash, label, staff_id) "
                                 "SELECT tenant_id, role, ?, ?, id FROM staff WHERE login = ? AND active"),
                  {hash(token), label, login});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return makeError(errors::NotFound,
                         QStringLiteral("no active staff member signs in as '%1'").arg(login),
                         QStringLiteral("staff"));
    return token;
}

Result<QString> ApiTokens::create(const QSqlDatabase &db, const QString &tenantId, StaffRole role,
                                  const QString &label)
{
    if (!isUuid(tenantId))
        return makeError(errors::InvalidTenant, QStringLiteral("not a tenant id: %1").arg(tenantId),
                         QStringLiteral("tenant"));
    const QString token = newToken();
    auto q = sql::exec(db,
                       QStringLiteral("INSERT INTO api_tokens (tenant_id, role, token_hash, label) "
                                      "SELECT id, ?::staff_role, ?, ? FROM tenants WHERE id = ?::uuid"),
                       {toString(role), hash(token), label, tenantId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return makeError(errors::NotFound, QStringLiteral("no tenant %1").arg(tenantId),
                         QStringLiteral("tenant"));
    return token;
}

Result<TokenIdentity> ApiTokens::authenticate(const QSqlDatabase &db, const QString &token)
{
    const Error rejected =
        makeError(errors::Unauthenticated, QStringLiteral("the bearer token is missing, unknown or revoked"));
    if (!token.startsWith(kPrefix) || token.size() > 100)
        return rejected;
    // last_used_at is refreshed at most once a minute so a busy client does not turn every
    // read into a write.
    const QDateTime now = Clock::current().now();
    auto q =
        sql::exec(db,
                  QStringLiteral("WITH t AS (SELECT id, tenant_id, role, last_used_at FROM api_tokens "
                                 "           WHERE token_hash = ? AND revoked_at IS NULL "
                                 "           AND (staff_id IS NULL OR EXISTS (SELECT 1 FROM staff s "
                                 "                WHERE s.id = api_tokens.staff_id AND s.active))), "
                                 "u AS (UPDATE api_tokens a SET last_used_at = ? FROM t WHERE a.id = t.id "
                                 "      AND (t.last_used_at IS NULL OR t.last_used_at < ?)) "
                                 "SELECT id, tenant_id, role FROM t"),
                  {hash(token), now, now.addSecs(-60)});
    if (!q)
        return q.error();
    if (!q->next())
        return rejected;
    const auto role = staffRoleFromString(q->value(2).toString());
    if (!role)
        return rejected;
    return TokenIdentity{q->value(0).toLongLong(), q->value(1).toString(), *role};
}

Status ApiTokens::revoke(const QSqlDatabase &db, qint64 tokenId)
{
    auto q = sql::exec(
        db, QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
        {Clock::current().now(), tokenId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return makeError(errors::NotFound, QStringLiteral("no active API token %1").arg(tokenId),
                         QStringLiteral("id"));
    return {};
}

} // namespace mp
