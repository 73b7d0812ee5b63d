#include "dns/dns_zones.h"

#include "api/responses.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_errors.h"
#include "dns/dns_names.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zone_template.h"
#include "jobs/jobs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace mp::dns {

namespace {

const QString kZoneSelect = QStringLiteral(
    "SELECT z.id, z.server_id, s.name, z.name, z.customer_id, c.name, z.kind, z.status, z.dnssec, z.serial, "
    "z.last_error, z.source_type, z.source_id, z.created_at, z.updated_at, "
    "(SELECT count(*) FROM dns_changes ch WHERE ch.zone_id = z.id AND ch.status = 'pending'), "
    "array_to_json(z.ds_records)::text "
    "FROM dns_zones z JOIN dns_servers s ON s.id = z.server_id LEFT JOIN customers c ON c.id = "
    "z.customer_id ");

DnsZone zoneFrom(const QSqlQuery &q)
{
    DnsZone z;
    z.id = q.value(0).toString();
    z.serverId = q.value(1).toString();
    z.serverName = q.value(2).toString();
    z.name = q.value(3).toString();
    z.customerId = q.value(4).toString();
    z.customerName = q.value(5).toString();
    z.kind = q.value(6).toString();
    z.status = q.value(7).toString();
    z.dnssec = q.value(8).toBool();
    z.serial = q.value(9).toLongLong();
    z.lastError = q.value(10).toString();
    z.sourceType = q.value(11).toString();
    z.sourceId = q.value(12).toString();
    z.createdAt = q.value(13).toDateTime();
    z.updatedAt = q.value(14).toDateTime();
    z.pendingChanges = q.value(15).toInt();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(16).toString().toUtf8()).array())
        z.dsRecords << v.toString();
    return z;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QJsonArray setsJson(const QList<RecordSet> &sets)
{
    QJsonArray out;
    for (const RecordSet &s : sets)
        out.append(QJsonObject{{QStringLiteral("name"), s.name},
                               {QStringLiteral("type"), s.type},
                               {QStringLiteral("ttl"), s.ttl},
                               {QStringLiteral("records"), QJsonArray::fromStringList(s.records)}});
    return out;
}

// Every set in one statement: upserted, marked dirty; a set with no records becomes a tombstone
// (deleted), which the sync deletes on the server and then here. A service's own sets carry its
// source and customer; a change by hand keeps whatever source and customer a set has.
Status writeSets(const QSqlDatabase &db, const QString &tenantId, const QString &zoneId,
                 const QList<RecordSet> &sets, const QString &sourceType, const QString &sourceId,
                 const QDateTime &now, const QString &customerId = {})
{
    auto q = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO dns_rrsets (tenant_id, zone_id, name, type, ttl, records, dirty, deleted, "
            "source_type, "
            "source_id, updated_at, customer_id) "
            "SELECT ?::uuid, ?::uuid, x.name, x.type, x.ttl, ARRAY(SELECT "
            "jsonb_array_elements_text(x.records)), "
            "true, jsonb_array_length(x.records) = 0, ?, ?, ?::timestamptz, ?::uuid "
            "FROM jsonb_to_recordset(?::jsonb) AS x(name text, type text, ttl integer, records jsonb) "
            "ON CONFLICT (zone_id, name, type) DO UPDATE SET ttl = EXCLUDED.ttl, records = EXCLUDED.records, "
            "dirty = true, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at, "
            "source_type = coalesce(EXCLUDED.source_type, dns_rrsets.source_type), "
            "source_id = coalesce(EXCLUDED.source_id, dns_rrsets.source_id), "
            "customer_id = CASE WHEN EXCLUDED.source_id IS NULL THEN dns_rrsets.customer_id "
            "ELSE EXCLUDED.customer_id END"),
        {tenantId, zoneId, nullIfEmpty(sourceType), nullIfEmpty(sourceId), now.toUTC(),
         nullIfEmpty(customerId), jsonText(setsJson(sets))});
    if (!q)
        return q.error();
    return {};
}

// The types each of `names` has now in the zone.
Result<QMap<QString, QSet<QString>>> typesAt(const QSqlDatabase &db, const QString &zoneId,
                                             const QStringList &names)
{
    auto q =
        sql::exec(db,
                  QStringLiteral("SELECT name, type FROM dns_rrsets WHERE zone_id = ?::uuid AND NOT deleted "
                                 "AND name IN (SELECT jsonb_array_elements_text(?::jsonb))"),
                  {zoneId, jsonText(QJsonArray::fromStringList(names))});
    if (!q)
        return q.error();
    QMap<QString, QSet<QString>> out;
    while (q->next())
        out[q->value(0).toString()].insert(q->value(1).toString());
    return out;
}

// Holds the zone's changes for this transaction: changes to one zone are checked one after
// another, so two requests cannot each pass the CNAME rule against the state before the other.
// An advisory lock, not the zone's row: the zone's sync job updates that row while it holds the
// record sets it sends, and a writer waiting for one of those sets must not hold the row.
Result<QString> lockZone(const QSqlDatabase &db, const QString &zoneId)
{
    if (auto lock = sql::exec(
            db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('mpanel-dns-zone:' || ?, 0))"),
            {zoneId});
        !lock)
        return lock.error();
    auto q = sql::exec(db, QStringLiteral("SELECT status FROM dns_zones WHERE id = ?::uuid"), {zoneId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such zone"), QStringLiteral("name"));
    return q->value(0).toString();
}

// The zone held (lockZone) for a change of its records or signing: refused while it is deleted.
Status lockForChange(const QSqlDatabase &db, const QString &zoneId)
{
    auto status = lockZone(db, zoneId);
    if (!status)
        return status.error();
    if (*status == QLatin1String("deleting"))
        return makeError(errors::DnsZoneBusy, QStringLiteral("the zone is being deleted"),
                         QStringLiteral("name"));
    return {};
}

Result<qint64> recordChange(const QSqlDatabase &db, const QString &tenantId, const QString &zoneId,
                            const QJsonArray &changes, const QString &actor, const QDateTime &now)
{
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO dns_changes (tenant_id, zone_id, changes, actor, created_at) "
                                 "VALUES (?::uuid, ?::uuid, ?::jsonb, ?, ?::timestamptz) RETURNING id"),
                  {tenantId, zoneId, jsonText(changes), actor.left(200), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the change was not recorded"));
    return q->value(0).toLongLong();
}

// Records the change, queues the zone's sync and ties the two together.
Result<Queued> queueChange(TenantTransaction &tx, const QString &zoneId, const QJsonArray &changes,
                           const QString &actor, const QDateTime &now)
{
    auto changeId = recordChange(tx.db(), tx.tenantId(), zoneId, changes, actor, now);
    if (!changeId)
        return changeId.error();
    auto job = DnsZones::queueSync(tx.db(), tx.tenantId(), zoneId);
    if (!job)
        return job.error();
    if (auto q = sql::exec(tx.db(), QStringLiteral("UPDATE dns_changes SET job_id = ? WHERE id = ?"),
                           {*job, *changeId});
        !q)
        return q.error();
    auto zone = DnsZones::findById(tx.db(), zoneId);
    if (!zone)
        return zone.error();
    return Queued{*zone, *job, *changeId};
}

} // namespace

QJsonObject DnsZone::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("server_id"), serverId},
            {QStringLiteral("server"), serverName},
            {QStringLiteral("customer_id"), orNull(customerId)},
            {QStringLiteral("customer"), orNull(customerName)},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("status"), status},
            {QStringLiteral("dnssec"), dnssec},
            {QStringLiteral("ds"), QJsonArray::fromStringList(dsRecords)},
            {QStringLiteral("serial"), serial > 0 ? QJsonValue(serial) : QJsonValue()},
            {QStringLiteral("last_error"), orNull(lastError)},
            {QStringLiteral("source_type"), orNull(sourceType)},
            {QStringLiteral("source_id"), orNull(sourceId)},
            {QStringLiteral("pending_changes"), pendingChanges},
            {QStringLiteral("created_at"), api::timestamp(createdAt)},
            {QStringLiteral("updated_at"), api::timestamp(updatedAt)}};
}

Result<DnsZone> DnsZones::find(const QSqlDatabase &db, const QString &canonicalName)
{
    auto q = sql::exec(db, kZoneSelect + QStringLiteral("WHERE z.name = ?"), {canonicalName});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such zone: %1").arg(canonicalName),
                         QStringLiteral("name"));
    return zoneFrom(*q);
}

Result<DnsZone> DnsZones::findById(const QSqlDatabase &db, const QString &id)
{
    if (!isUuid(id))
        return makeError(errors::NotFound, QStringLiteral("no such zone"), QStringLiteral("id"));
    auto q = sql::exec(db, kZoneSelect + QStringLiteral("WHERE z.id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such zone"), QStringLiteral("id"));
    return zoneFrom(*q);
}

Result<QList<DnsZone>> DnsZones::list(const QSqlDatabase &db, const ZoneFilter &filter)
{
    auto q = sql::exec(
        db,
        kZoneSelect +
            QStringLiteral("WHERE (?::uuid IS NULL OR z.customer_id = ?::uuid) AND z.name > coalesce(?, '') "
                           "ORDER BY z.name LIMIT ?"),
        {nullIfEmpty(filter.customerId), nullIfEmpty(filter.customerId), filter.after,
         qBound(1, filter.limit, 1000)});
    if (!q)
        return q.error();
    QList<DnsZone> out;
    while (q->next())
        out.append(zoneFrom(*q));
    return out;
}

Result<Queued> DnsZones::create(TenantTransaction &tx, const NewZone &input, const QString &actor,
                                const QDateTime &now)
{
    auto name = canonicalZone(input.name, QStringLiteral("name"));
    if (!name)
        return name.error();
    QString serverId = input.serverId;
    if (serverId.isEmpty()) {
        auto primary = DnsServers::primary(tx.db());
        if (!primary)
            return primary.error();
        serverId = *primary;
    } else {
        auto known =
            sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM dns_servers WHERE id = ?::uuid"), {serverId});
        if (!known)
            return known.error();
        if (!known->next())
            return makeError(errors::NotFound, QStringLiteral("no such DNS server"),
                             QStringLiteral("server_id"));
    }
    if (!input.customerId.isEmpty()) {
        auto known = sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM customers WHERE id = ?::uuid"),
                               {input.customerId});
        if (!known)
            return known.error();
        if (!known->next())
            return makeError(errors::NotFound, QStringLiteral("no such customer"),
                             QStringLiteral("customer_id"));
    }
    auto settings = DnsSettingsStore::read(tx.db());
    if (!settings)
        return settings.error();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO dns_zones (tenant_id, server_id, name, customer_id, dnssec, "
                       "source_type, source_id, created_at, updated_at) "
                       "VALUES (?::uuid, ?::uuid, ?, ?::uuid, ?, ?, ?, ?::timestamptz, ?::timestamptz) "
                       "ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id"),
        {tx.tenantId(), serverId, *name, nullIfEmpty(input.customerId), input.dnssec,
         nullIfEmpty(input.sourceType), nullIfEmpty(input.sourceId), now.toUTC(), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::DnsZoneExists, QStringLiteral("the zone %1 exists").arg(*name),
                         QStringLiteral("name"));
    const QString zoneId = q->value(0).toString();
    // The tenant's name servers are the zone's first record set; the sync sends it with the rest.
    QList<RecordSet> initial;
    if (!settings->nameservers.isEmpty())
        initial.append(
            RecordSet{*name, QStringLiteral("NS"), settings->defaultTtl, settings->nameservers, {}});
    // Then what the tenant's template gives every new forward zone.
    auto templated = DnsZoneTemplate::setsFor(tx.db(), *name, settings->defaultTtl);
    if (!templated)
        return templated.error();
    initial.append(*templated);
    if (!initial.isEmpty()) {
        if (auto s = writeSets(tx.db(), tx.tenantId(), zoneId, initial, {}, {}, now); !s)
            return s.error();
    }
    return queueChange(
        tx, zoneId, QJsonArray{QJsonObject{{QStringLiteral("zone"), QStringLiteral("create")}}}, actor, now);
}

Result<Queued> DnsZones::remove(TenantTransaction &tx, const DnsZone &zone, const QString &actor,
                                const QDateTime &now)
{
    auto status = lockZone(tx.db(), zone.id);
    if (!status)
        return status.error();
    if (*status != QLatin1String("deleting")) {
        auto q =
            sql::exec(tx.db(),
                      QStringLiteral("UPDATE dns_zones SET status = 'deleting', updated_at = ?::timestamptz "
                                     "WHERE id = ?::uuid"),
                      {now.toUTC(), zone.id});
        if (!q)
            return q.error();
    }
    return queueChange(
        tx, zone.id, QJsonArray{QJsonObject{{QStringLiteral("zone"), QStringLiteral("delete")}}}, actor, now);
}

Result<Queued> DnsZones::change(TenantTransaction &tx, const DnsZone &zone,
                                const QList<RecordChange> &changes, const QString &actor,
                                const QDateTime &now)
{
    if (auto held = lockForChange(tx.db(), zone.id); !held)
        return held.error();
    auto settings = DnsSettingsStore::read(tx.db());
    if (!settings)
        return settings.error();
    QList<RecordSet> sets;
    QStringList names;
    for (const RecordChange &c : changes) {
        auto set = checkChange(c, zone.name, settings->defaultTtl);
        if (!set)
            return set.error();
        sets.append(*set);
        names.append(set->name);
    }
    auto existing = typesAt(tx.db(), zone.id, names);
    if (!existing)
        return existing.error();
    if (auto s = checkBatch(sets, zone.name, *existing); !s)
        return s.error();
    if (auto s = writeSets(tx.db(), tx.tenantId(), zone.id, sets, {}, {}, now); !s)
        return s.error();
    return queueChange(tx, zone.id, setsJson(sets), actor, now);
}

Result<Queued> DnsZones::setDnssec(TenantTransaction &tx, const DnsZone &zone, bool enabled,
                                   const QString &actor, const QDateTime &now)
{
    if (auto held = lockForChange(tx.db(), zone.id); !held)
        return held.error();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE dns_zones SET dnssec = ?, updated_at = ?::timestamptz WHERE id = ?::uuid"),
        {enabled, now.toUTC(), zone.id});
    if (!q)
        return q.error();
    return queueChange(tx, zone.id, QJsonArray{QJsonObject{{QStringLiteral("dnssec"), enabled}}}, actor, now);
}

Result<Queued> DnsZones::putOwned(TenantTransaction &tx, const DnsZone &zone, const RecordSet &set,
                                  const QString &sourceType, const QString &sourceId, const QString &actor,
                                  const QDateTime &now, const QString &customerId)
{
    if (auto held = lockForChange(tx.db(), zone.id); !held)
        return held.error();
    auto existing = typesAt(tx.db(), zone.id, {set.name});
    if (!existing)
        return existing.error();
    if (auto s = checkBatch({set}, zone.name, *existing); !s)
        return s.error();
    if (auto s = writeSets(tx.db(), tx.tenantId(), zone.id, {set}, sourceType, sourceId, now, customerId); !s)
        return s.error();
    return queueChange(tx, zone.id, setsJson({set}), actor, now);
}

Status DnsZones::removeOwned(TenantTransaction &tx, const QString &sourceType, const QString &sourceId,
                             const QString &actor, const QDateTime &now)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("UPDATE dns_rrsets SET deleted = true, dirty = true, records = '{}', "
                                      "updated_at = ?::timestamptz WHERE source_type = ? AND source_id = ? "
                                      "AND NOT deleted RETURNING zone_id, name, type"),
                       {now.toUTC(), sourceType, sourceId});
    if (!q)
        return q.error();
    QMap<QString, QJsonArray> byZone;
    while (q->next())
        byZone[q->value(0).toString()].append(QJsonObject{{QStringLiteral("name"), q->value(1).toString()},
                                                          {QStringLiteral("type"), q->value(2).toString()},
                                                          {QStringLiteral("records"), QJsonArray()}});
    for (auto it = byZone.cbegin(); it != byZone.cend(); ++it) {
        if (auto queued = queueChange(tx, it.key(), it.value(), actor, now); !queued)
            return queued.error();
    }
    return {};
}

Result<DnsZone> DnsZones::ensure(TenantTransaction &tx, const QString &name, const QString &actor,
                                 const QDateTime &now)
{
    auto found = find(tx.db(), name);
    if (found || found.error().code != errors::NotFound)
        return found;
    NewZone zone;
    zone.name = name;
    auto created = create(tx, zone, actor, now);
    if (!created)
        return created.error();
    return created->zone;
}

QJsonObject DnsRecordRow::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("type"), type},
            {QStringLiteral("ttl"), ttl},
            {QStringLiteral("records"), QJsonArray::fromStringList(records)},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("source_type"), sourceType.isEmpty() ? QJsonValue() : QJsonValue(sourceType)},
            {QStringLiteral("source_id"), sourceId.isEmpty() ? QJsonValue() : QJsonValue(sourceId)}};
}

Result<QList<DnsRecordRow>> DnsZones::records(const QSqlDatabase &db, const QString &zoneId,
                                              const QString &afterName, const QString &afterType, int limit)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT name, type, ttl, array_to_json(records)::text, dirty, source_type, "
                       "source_id FROM dns_rrsets WHERE zone_id = ?::uuid AND NOT deleted "
                       "AND (name, type) > (coalesce(?, ''), coalesce(?, '')) ORDER BY name, type LIMIT ?"),
        {zoneId, afterName, afterType, qMax(1, limit)});
    if (!q)
        return q.error();
    QList<DnsRecordRow> out;
    while (q->next()) {
        DnsRecordRow r;
        r.name = q->value(0).toString();
        r.type = q->value(1).toString();
        r.ttl = q->value(2).toInt();
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(3).toString().toUtf8()).array())
            r.records << v.toString();
        r.pending = q->value(4).toBool();
        r.sourceType = q->value(5).toString();
        r.sourceId = q->value(6).toString();
        out.append(r);
    }
    return out;
}

Result<QList<QJsonObject>> DnsZones::pendingChanges(const QSqlDatabase &db, const QString &zoneId)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT ch.id, ch.job_id, j.status, ch.changes::text, ch.actor, ch.created_at, "
                       "j.last_error FROM dns_changes ch LEFT JOIN jobs j ON j.id = ch.job_id "
                       "WHERE ch.zone_id = ?::uuid AND ch.status = 'pending' ORDER BY ch.id"),
        {zoneId});
    if (!q)
        return q.error();
    QList<QJsonObject> out;
    while (q->next())
        out.append(
            {{QStringLiteral("id"), q->value(0).toLongLong()},
             {QStringLiteral("job_id"), q->value(1).isNull() ? QJsonValue() : q->value(1).toLongLong()},
             {QStringLiteral("job_status"), q->value(2).isNull() ? QJsonValue() : q->value(2).toString()},
             {QStringLiteral("changes"), QJsonDocument::fromJson(q->value(3).toString().toUtf8()).array()},
             {QStringLiteral("actor"), q->value(4).toString()},
             {QStringLiteral("created_at"), api::timestamp(q->value(5).toDateTime())},
             {QStringLiteral("last_error"), q->value(6).isNull() ? QJsonValue() : q->value(6).toString()}});
    return out;
}

Result<qint64> DnsZones::queueSync(const QSqlDatabase &db, const QString &tenantId, const QString &zoneId)
{
    JobSpec spec;
    spec.tenantId = tenantId;
    spec.kind = kinds::syncZone;
    spec.payload = QJsonObject{{QStringLiteral("zone_id"), zoneId}};
    spec.uniqueKey = kinds::syncZone + u':' + zoneId;
    // A change while the sync runs makes it run once more, after this transaction commits.
    spec.rerunIfRunning = true;
    spec.maxAttempts = 10;
    spec.relatedType = kZoneRelatedType;
    spec.relatedId = zoneId;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    return job->id;
}

} // namespace mp::dns
