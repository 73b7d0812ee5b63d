#pragma once

#include "core/result.h"
#include "dns/dns_record_rules.h"
#include "dns/dns_zone.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::dns {

struct NewZone {
    QString name;     // as given: checked and made canonical
    QString serverId; // empty: the tenant's primary
    QString customerId;
    bool dnssec = false;
    QString sourceType, sourceId;
};

struct ZoneFilter {
    QString customerId; // a customer sees only their own
    QString after;      // keyset: names after this one
    int limit = 200;
};

// What was queued: the job that carries it out.
struct Queued {
    DnsZone zone;
    qint64 jobId = 0;
    qint64 changeId = 0;
};

// Zones and their record sets as mPanel wants them. Every write validates first (nothing invalid
// is stored, so nothing invalid reaches PowerDNS), marks the touched record sets dirty and queues
// the zone's one dns.sync_zone job (unique per zone; a change while it runs makes it run once
// more), which sends all dirty sets in one PATCH.
class DnsZones {
public:
    static Result<DnsZone> find(const QSqlDatabase &db, const QString &canonicalName);
    static Result<DnsZone> findById(const QSqlDatabase &db, const QString &id);
    static Result<QList<DnsZone>> list(const QSqlDatabase &db, const ZoneFilter &filter);

    static Result<Queued> create(TenantTransaction &tx, const NewZone &zone, const QString &actor,
                                 const QDateTime &now);
    // The zone goes (its records with it) once the job has deleted it on the server.
    static Result<Queued> remove(TenantTransaction &tx, const DnsZone &zone, const QString &actor,
                                 const QDateTime &now);
    // Checks every change against the rules and the zone's current sets, stores them and queues
    // the sync. Nothing is stored when one change is refused.
    static Result<Queued> change(TenantTransaction &tx, const DnsZone &zone,
                                 const QList<RecordChange> &changes, const QString &actor,
                                 const QDateTime &now);

    // Signs the zone (PowerDNS makes a CSK; the DS records show on the zone once the job ran)
    // or stops signing it.
    static Result<Queued> setDnssec(TenantTransaction &tx, const DnsZone &zone, bool enabled,
                                    const QString &actor, const QDateTime &now);
    // Record sets owned by a service (a CloudPod's A and PTR): written like a change, remembered
    // as the service's, so removing the service removes exactly these. `customerId`: the
    // service's customer, who may then set the set's records (a pod's PTR: ReverseDns).
    static Result<Queued> putOwned(TenantTransaction &tx, const DnsZone &zone, const RecordSet &set,
                                   const QString &sourceType, const QString &sourceId, const QString &actor,
                                   const QDateTime &now, const QString &customerId = {});
    // Removes every set the service owns, in whichever zones; queues each zone's sync.
    static Status removeOwned(TenantTransaction &tx, const QString &sourceType, const QString &sourceId,
                              const QString &actor, const QDateTime &now);
    // The zone named `name` on the tenant's primary, made (pending) when missing.
    static Result<DnsZone> ensure(TenantTransaction &tx, const QString &name, const QString &actor,
                                  const QDateTime &now);

    // The record sets mPanel holds for the zone (deleted ones not), by name and type, after the
    // set `afterName`/`afterType` (keyset paging; empty: from the start).
    static Result<QList<DnsRecordRow>> records(const QSqlDatabase &db, const QString &zoneId,
                                               const QString &afterName = {}, const QString &afterType = {},
                                               int limit = 100000);
    // Changes not yet on the server, oldest first, with their job.
    static Result<QList<QJsonObject>> pendingChanges(const QSqlDatabase &db, const QString &zoneId);
    static Result<qint64> queueSync(const QSqlDatabase &db, const QString &tenantId, const QString &zoneId);
};

} // namespace mp::dns
