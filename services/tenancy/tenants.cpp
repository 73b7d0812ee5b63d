#include "tenancy/tenants.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"

#include <QUuid>

namespace mp {

Result<QString> Tenants::create(const QSqlDatabase &db, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 200)
        return makeError(errors::InvalidName, QStringLiteral("a tenant name must be 1 to 200 characters"),
                         QStringLiteral("name"));
    auto q = sql::exec(db, QStringLiteral("INSERT INTO tenants (name) VALUES (?) RETURNING id"), {trimmed});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::DatabaseError, QStringLiteral("INSERT returned no tenant id"));
    return q->value(0).toString();
}

namespace {
const QString kListTenants =
    QStringLiteral("SELECT id, name, time_zone FROM tenants ORDER BY created_at, id");
} // namespace

Result<QList<TenantInfo>> Tenants::list(const QSqlDatabase &db)
{
    auto q = sql::exec(db, kListTenants);
    if (!q)
        return q.error();
    QList<TenantInfo> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    return out;
}

Result<TenantInfo> Tenants::find(const QSqlDatabase &db, const QString &id)
{
    if (!isUuid(id))
        return makeError(errors::NotFound, QStringLiteral("no tenant %1").arg(id), QStringLiteral("tenant"));
    auto q = sql::exec(db, QStringLiteral("SELECT id, name, time_zone FROM tenants WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no tenant %1").arg(id), QStringLiteral("tenant"));
    return TenantInfo{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
}

Result<qint64> Tenants::count(const QSqlDatabase &db)
{
    auto q = sql::exec(db, QStringLiteral("SELECT count(*) FROM tenants"));
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

} // namespace mp
