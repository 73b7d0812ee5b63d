#include "domains/domain_store.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "domains/domains_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mp::domains {

namespace {

const auto kSelect = QStringLiteral(R"sql(
SELECT d.id::text, d.customer_id::text, c.name, coalesce(d.subscription_id::text, ''),
       coalesce(d.order_item_id::text, ''), d.name, d.registrar, d.origin, d.years, d.status, d.expires_on,
       d.registered_on, array_to_json(d.nameservers)::text, d.locked, d.privacy, d.auto_renew,
       coalesce(d.zone_id::text, ''), coalesce(z.name, ''), coalesce(d.last_error, ''), d.created_at, d.updated_at
FROM domains d
JOIN customers c ON c.id = d.customer_id
LEFT JOIN dns_zones z ON z.id = d.zone_id
)sql");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QStringList stringArray(const QString &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

QString textArray(const QStringList &list)
{
    QStringList quoted;
    for (const QString &s : list)
        quoted << u'"' + s + u'"';
    return u'{' + quoted.join(u',') + u'}';
}

Domain domainFrom(const QSqlQuery &q)
{
    Domain d;
    d.id = q.value(0).toString();
    d.customerId = q.value(1).toString();
    d.customerName = q.value(2).toString();
    d.subscriptionId = q.value(3).toString();
    d.orderItemId = q.value(4).toString();
    d.name = q.value(5).toString();
    d.registrar = q.value(6).toString();
    d.origin = q.value(7).toString();
    d.years = q.value(8).toInt();
    d.status = q.value(9).toString();
    d.expiresOn = q.value(10).toDate();
    d.registeredOn = q.value(11).toDate();
    d.nameservers = stringArray(q.value(12).toString());
    d.locked = q.value(13).toBool();
    d.privacy = q.value(14).toBool();
    d.autoRenew = q.value(15).toBool();
    d.zoneId = q.value(16).toString();
    d.zoneName = q.value(17).toString();
    d.lastError = q.value(18).toString();
    d.createdAt = q.value(19).toDateTime().toUTC();
    d.updatedAt = q.value(20).toDateTime().toUTC();
    return d;
}

} // namespace

QJsonObject Domain::toJson(bool forStaff) const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("customer_id"), customerId},
        {QStringLiteral("customer_name"), customerName},
        {QStringLiteral("subscription_id"), subscriptionId.isEmpty() ? QJsonValue() : subscriptionId},
        {QStringLiteral("registrar"), registrar},
        {QStringLiteral("origin"), origin},
        {QStringLiteral("status"), status},
        {QStringLiteral("expires_on"), expiresOn.isValid() ? expiresOn.toString(Qt::ISODate) : QJsonValue()},
        {QStringLiteral("registered_on"),
         registeredOn.isValid() ? registeredOn.toString(Qt::ISODate) : QJsonValue()},
        {QStringLiteral("nameservers"), QJsonArray::fromStringList(nameservers)},
        {QStringLiteral("locked"), locked},
        {QStringLiteral("privacy"), privacy},
        {QStringLiteral("auto_renew"), autoRenew},
        {QStringLiteral("zone"), zoneName.isEmpty() ? QJsonValue() : zoneName},
        {QStringLiteral("created_at"), createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated_at"), updatedAt.toString(Qt::ISODateWithMs)}};
    if (forStaff)
        o.insert(QStringLiteral("last_error"), lastError.isEmpty() ? QJsonValue() : lastError);
    return o;
}

Result<Domain> DomainStore::find(const QSqlDatabase &db, const QString &id, bool forUpdate)
{
    const Error missing =
        makeError(errors::DomainsNotFound, QStringLiteral("no such domain"), QStringLiteral("id"));
    if (!isUuid(id))
        return missing;
    auto q = sql::exec(db,
                       kSelect + QStringLiteral("WHERE d.id = ?::uuid") +
                           (forUpdate ? QStringLiteral(" FOR UPDATE OF d") : QString()),
                       {id});
    if (!q)
        return q.error();
    if (!q->next())
        return missing;
    return domainFrom(*q);
}

Result<QList<Domain>> DomainStore::list(const QSqlDatabase &db, const DomainFilter &filter)
{
    QStringList where;
    QVariantList binds;
    if (!filter.customerId.isEmpty()) {
        where << QStringLiteral("d.customer_id = ?::uuid");
        binds << filter.customerId;
    }
    if (filter.expiringWithinDays >= 0) {
        where << QStringLiteral("d.expires_on <= ?::date");
        binds << filter.today.addDays(filter.expiringWithinDays).toString(Qt::ISODate);
    }
    if (!filter.after.isEmpty()) {
        where << QStringLiteral("d.name > ?");
        binds << filter.after;
    }
    QString sqlText = kSelect;
    if (!where.isEmpty())
        sqlText += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + u' ';
    sqlText += QStringLiteral("ORDER BY d.name, d.id LIMIT %1").arg(filter.limit);
    auto q = sql::exec(db, sqlText, binds);
    if (!q)
        return q.error();
    QList<Domain> list;
    while (q->next())
        list.append(domainFrom(*q));
    return list;
}

Status DomainStore::recordActive(const QSqlDatabase &db, const QString &id, const QString &status,
                                 const QDate &registeredOn, const QDate &expiresOn,
                                 const QStringList &nameservers, bool locked, bool privacy, bool autoRenew,
                                 const QDateTime &now)
{
    auto q = sql::exec(db, QStringLiteral(R"sql(
UPDATE domains SET status = ?, registered_on = coalesce(?::date, registered_on), expires_on = ?::date,
       nameservers = ?::text[], locked = ?, privacy = ?, auto_renew = ?, last_error = NULL, updated_at = ?::timestamptz
WHERE id = ?::uuid
)sql"),
                       {status, registeredOn.isValid() ? registeredOn.toString(Qt::ISODate) : QVariant(),
                        expiresOn.isValid() ? expiresOn.toString(Qt::ISODate) : QVariant(),
                        textArray(nameservers), locked, privacy, autoRenew, ts(now), id});
    if (!q)
        return q.error();
    return {};
}

Status DomainStore::setStatus(const QSqlDatabase &db, const QString &id, const QString &status,
                              const QString &lastError, const QDateTime &now)
{
    auto q =
        sql::exec(db,
                  QStringLiteral("UPDATE domains SET status = ?, last_error = nullif(left(?, 2000), ''), "
                                 "updated_at = ?::timestamptz WHERE id = ?::uuid"),
                  {status, lastError, ts(now), id});
    if (!q)
        return q.error();
    return {};
}

Status DomainStore::setLastError(const QSqlDatabase &db, const QString &id, const QString &lastError,
                                 const QDateTime &now)
{
    auto q = sql::exec(db,
                       QStringLiteral("UPDATE domains SET last_error = nullif(left(?, 2000), ''), "
                                      "updated_at = ?::timestamptz WHERE id = ?::uuid"),
                       {lastError, ts(now), id});
    if (!q)
        return q.error();
    return {};
}

} // namespace mp::domains
