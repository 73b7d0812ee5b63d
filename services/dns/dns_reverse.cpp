#include "dns/dns_reverse.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_names.h"
#include "dns/dns_record_rules.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace mp::dns {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT r.name, array_to_json(r.records)::text, r.ttl, r.dirty, r.customer_id::text, r.source_type, "
    "r.source_id, r.zone_id::text FROM dns_rrsets r "
    "WHERE r.type = 'PTR' AND NOT r.deleted AND r.source_id IS NOT NULL ");

// The address a reverse name stands for: "10.0.20.10.in-addr.arpa." -> 10.20.0.10.
QString addressOf(const QString &name)
{
    QStringList labels = name.chopped(1).split(u'.');
    if (name.endsWith(QLatin1String(".in-addr.arpa.")) && labels.size() == 6) {
        labels = labels.mid(0, 4);
        std::reverse(labels.begin(), labels.end());
        return QHostAddress(labels.join(u'.')).toString();
    }
    if (name.endsWith(QLatin1String(".ip6.arpa.")) && labels.size() == 34) {
        labels = labels.mid(0, 32);
        std::reverse(labels.begin(), labels.end());
        QString hex = labels.join(QString());
        for (int at = 28; at > 0; at -= 4)
            hex.insert(at, u':');
        return QHostAddress(hex).toString();
    }
    return {};
}

ReversePtr ptrFrom(const QSqlQuery &q)
{
    ReversePtr p;
    p.name = q.value(0).toString();
    p.address = addressOf(p.name);
    p.ptr = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array().at(0).toString();
    p.ttl = q.value(2).toInt();
    p.pending = q.value(3).toBool();
    p.customerId = q.value(4).toString();
    p.sourceType = q.value(5).toString();
    p.sourceId = q.value(6).toString();
    return p;
}

} // namespace

QJsonObject ReversePtr::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("address"), address},
            {QStringLiteral("name"), name},
            {QStringLiteral("ptr"), ptr},
            {QStringLiteral("ttl"), ttl},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("customer_id"), orNull(customerId)},
            {QStringLiteral("source_type"), sourceType},
            {QStringLiteral("source_id"), sourceId}};
}

Result<QList<ReversePtr>> ReverseDns::list(const QSqlDatabase &db, const QString &customerId)
{
    auto q =
        sql::exec(db,
                  kSelect + QStringLiteral("AND (?::uuid IS NULL OR r.customer_id = ?::uuid) "
                                           "ORDER BY r.name LIMIT 10000"),
                  {customerId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(customerId),
                   customerId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(customerId)});
    if (!q)
        return q.error();
    QList<ReversePtr> out;
    while (q->next())
        out.append(ptrFrom(*q));
    return out;
}

Result<Queued> ReverseDns::setPtr(TenantTransaction &tx, const QString &address, const QString &target,
                                  const QString &customerId, const QString &actor, const QDateTime &now)
{
    const QHostAddress parsed(address.trimmed());
    if (parsed.isNull() || address.contains(u'%'))
        return makeError(errors::InvalidValue, QStringLiteral("'%1' is not an IP address").arg(address),
                         QStringLiteral("address"));
    const QString owner = reverseName(parsed);
    auto q = sql::exec(tx.db(), kSelect + QStringLiteral("AND r.name = ?"), {owner});
    if (!q)
        return q.error();
    // Another customer's address answers as one mPanel made no PTR for.
    if (!q->next() || (!customerId.isEmpty() && q->value(4).toString() != customerId))
        return makeError(errors::NotFound,
                         QStringLiteral("no PTR record of yours for %1").arg(parsed.toString()),
                         QStringLiteral("address"));
    const ReversePtr current = ptrFrom(*q);
    auto zone = DnsZones::findById(tx.db(), q->value(7).toString());
    if (!zone)
        return zone.error();
    QString host = target.trimmed().toLower();
    if (!host.isEmpty() && !host.endsWith(u'.'))
        host += u'.';
    auto content = recordContent(QStringLiteral("PTR"), host, owner, zone->name, QStringLiteral("ptr"));
    if (!content)
        return content.error();
    const RecordSet set{owner, QStringLiteral("PTR"), current.ttl, {*content}, QStringLiteral("ptr")};
    return DnsZones::putOwned(tx, *zone, set, current.sourceType, current.sourceId, actor, now,
                              current.customerId);
}

} // namespace mp::dns
