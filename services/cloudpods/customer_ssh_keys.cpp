#include "cloudpods/customer_ssh_keys.h"

#include "api/responses.h"
#include "cloudpods/ssh_public_keys.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QUuid>

namespace mp::cloudpods {

namespace {

const QString kColumns =
    QStringLiteral("id::text, customer_id::text, name, public_key, fingerprint, created_at");

SavedSshKey keyFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toDateTime()};
}

} // namespace

QJsonObject SavedSshKey::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("customer_id"), customerId},
            {QStringLiteral("name"), name},
            {QStringLiteral("public_key"), publicKey},
            {QStringLiteral("fingerprint"), fingerprint},
            {QStringLiteral("created_at"), api::timestamp(createdAt)}};
}

Result<QList<SavedSshKey>> CustomerSshKeys::list(TenantTransaction &tx, const QString &customerId)
{
    QList<SavedSshKey> keys;
    if (!isUuid(customerId))
        return keys;
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM customer_ssh_keys WHERE customer_id = ?::uuid "
                                      "ORDER BY created_at, id")
                           .arg(kColumns),
                       {customerId});
    if (!q)
        return q.error();
    while (q->next())
        keys.append(keyFrom(*q));
    return keys;
}

Result<SavedSshKey> CustomerSshKeys::add(TenantTransaction &tx, const QString &customerId,
                                         const QString &name, const QString &publicKey, const QDateTime &now)
{
    if (name.trimmed().isEmpty())
        return makeError(errors::InvalidValue, QStringLiteral("a key needs a name"), QStringLiteral("name"));
    auto key = SshPublicKeys::parse(publicKey, QStringLiteral("public_key"));
    if (!key)
        return key.error();
    auto customer =
        sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM customers WHERE id = ?::uuid"), {customerId});
    if (!customer)
        return customer.error();
    if (!customer->next())
        return makeError(errors::InvalidValue, QStringLiteral("no such customer"),
                         QStringLiteral("customer_id"));
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO customer_ssh_keys (tenant_id, customer_id, name, public_key, "
                       "fingerprint, created_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, ?::timestamptz) "
                       "ON CONFLICT (tenant_id, customer_id, fingerprint) DO NOTHING RETURNING %1")
            .arg(kColumns),
        {tx.tenantId(), customerId, name.trimmed(), key->line(), key->fingerprint, now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Conflict,
                         QStringLiteral("this key (%1) is saved already").arg(key->fingerprint),
                         QStringLiteral("public_key"));
    return keyFrom(*q);
}

Status CustomerSshKeys::remove(TenantTransaction &tx, const QString &customerId, const QString &id)
{
    const Error missing =
        makeError(errors::NotFound, QStringLiteral("no such SSH key"), QStringLiteral("id"));
    if (!isUuid(id))
        return missing;
    auto q =
        customerId.isEmpty()
            ? sql::exec(tx.db(),
                        QStringLiteral("DELETE FROM customer_ssh_keys WHERE id = ?::uuid RETURNING id"), {id})
            : sql::exec(
                  tx.db(),
                  QStringLiteral("DELETE FROM customer_ssh_keys WHERE id = ?::uuid AND customer_id = ?::uuid "
                                 "RETURNING id"),
                  {id, customerId});
    if (!q)
        return q.error();
    if (!q->next())
        return missing;
    return {};
}

} // namespace mp::cloudpods
