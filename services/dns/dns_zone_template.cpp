#include "dns/dns_zone_template.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_bodies.h"
#include "dns/dns_errors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mp::dns {

namespace {

// Template sets are checked against a zone no tenant can have.
const QString kStandIn = QStringLiteral("zone-template.invalid.");

RecordChange changeFrom(const QJsonObject &o, const QString &path)
{
    RecordChange c;
    c.name = o.value(QStringLiteral("name")).toString();
    c.type = o.value(QStringLiteral("type")).toString();
    if (o.contains(QStringLiteral("ttl")))
        c.ttl = o.value(QStringLiteral("ttl")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("records")).toArray())
        c.records << v.toString();
    c.path = path;
    return c;
}

Result<QList<RecordSet>> check(const QJsonArray &stored, const QString &zone, int defaultTtl)
{
    QList<RecordSet> sets;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const RecordChange c = changeFrom(stored.at(i).toObject(), QStringLiteral("record_sets[%1]").arg(i));
        auto set = checkChange(c, zone, defaultTtl);
        if (!set)
            return set.error();
        sets << *set;
    }
    if (auto s = checkBatch(sets, zone, {}); !s)
        return s.error();
    return sets;
}

} // namespace

const api::RequestBody &DnsZoneTemplate::body()
{
    using api::BodyField;
    static const api::RequestBody set =
        recordSetBody(QStringLiteral("DnsTemplateRecordSet"),
                      QStringLiteral("relative to the zone that gets it: @, www, _dmarc"), true);
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsZoneTemplate"))
            .add(BodyField::objects(QStringLiteral("record_sets"), set)
                     .required()
                     .describe(
                         QStringLiteral("every new forward zone gets these (besides its NS); [] for none")));
    return body;
}

Result<QJsonArray> DnsZoneTemplate::read(const QSqlDatabase &db)
{
    auto q = sql::exec(db, QStringLiteral("SELECT record_sets::text FROM dns_zone_templates"));
    if (!q)
        return q.error();
    if (!q->next())
        return QJsonArray();
    return QJsonDocument::fromJson(q->value(0).toString().toUtf8()).array();
}

Result<QJsonArray> DnsZoneTemplate::write(TenantTransaction &tx, const api::BodyValues &body,
                                          const QDateTime &now)
{
    QJsonArray stored;
    const QList<api::BodyValues> input = body.objects(QStringLiteral("record_sets"));
    if (input.size() > kMaxRecordsPerSet)
        return makeError(errors::DnsTooManyChanges,
                         QStringLiteral("a template has at most %1 record sets").arg(kMaxRecordsPerSet),
                         QStringLiteral("record_sets"));
    for (const api::BodyValues &v : input) {
        const QString name = v.string(QStringLiteral("name"), QString()).trimmed();
        const QString type = v.string(QStringLiteral("type"), QString()).trimmed().toUpper();
        const QStringList records = v.strings(QStringLiteral("records"));
        if (name.endsWith(u'.'))
            return makeError(errors::DnsInvalidName,
                             QStringLiteral("a template's names are relative to the zone (@, www)"),
                             v.prefix() + QStringLiteral(".name"));
        if (records.isEmpty())
            return makeError(errors::DnsInvalidRecord,
                             QStringLiteral("a template set has at least one record"),
                             v.prefix() + QStringLiteral(".records"));
        if (type == QLatin1String("NS") && (name.isEmpty() || name == QLatin1String("@")))
            return makeError(errors::DnsInvalidRecord,
                             QStringLiteral("the apex NS come from the DNS settings' nameservers"),
                             v.prefix() + QStringLiteral(".type"));
        QJsonObject o{{QStringLiteral("name"), name.isEmpty() ? QStringLiteral("@") : name},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("records"), QJsonArray::fromStringList(records)}};
        if (const auto ttl = v.integer(QStringLiteral("ttl")))
            o.insert(QStringLiteral("ttl"), int(*ttl));
        stored.append(o);
    }
    if (auto checked = check(stored, kStandIn, kMinTtl); !checked)
        return checked.error();
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("INSERT INTO dns_zone_templates (tenant_id, record_sets, updated_at) "
                                 "VALUES (?::uuid, ?::jsonb, ?::timestamptz) ON CONFLICT (tenant_id) DO "
                                 "UPDATE SET record_sets = EXCLUDED.record_sets, updated_at = "
                                 "EXCLUDED.updated_at"),
                  {tx.tenantId(), QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)),
                   now.toUTC()});
    if (!q)
        return q.error();
    return stored;
}

Result<QList<RecordSet>> DnsZoneTemplate::setsFor(const QSqlDatabase &db, const QString &zone, int defaultTtl)
{
    if (zone.endsWith(QLatin1String(".arpa.")))
        return QList<RecordSet>();
    auto stored = read(db);
    if (!stored)
        return stored.error();
    auto sets = check(*stored, zone, defaultTtl);
    if (!sets) {
        Error e = sets.error();
        e.message = QStringLiteral("the zone template does not fit %1: %2").arg(zone, e.message);
        e.field = QStringLiteral("name");
        return e;
    }
    return sets;
}

} // namespace mp::dns
