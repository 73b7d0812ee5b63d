#include "dns/dns_sync_job.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zones.h"
#include "jobs/job_context.h"
#include "powerdns/powerdns_blocking.h"
#include "powerdns/powerdns_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mp::dns {

namespace {

QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return u'{' + parts.join(u',') + u'}';
}

class ZoneSync {
public:
    ZoneSync(JobContext &ctx, QSqlDatabase db, DnsZone zone, PowerDnsSettings settings)
        : m_ctx(ctx), m_db(std::move(db)), m_zone(std::move(zone)), m_settings(std::move(settings))
    {
    }

    Status run()
    {
        if (m_zone.status == QLatin1String("deleting"))
            return deleteZone();
        if (m_zone.status != QLatin1String("active")) {
            if (auto s = ensureOnServer(); !s)
                return s;
        }
        if (auto s = sendDirty(); !s)
            return s;
        return syncDnssec();
    }

    // A secondary gets a copy through its API, as PowerDNS-to-PowerDNS replication would by
    // AXFR but with no zone transfer to allow: the zone made when missing (then with every set
    // mPanel holds), the primary's PATCH repeated, the zone deleted with the primary's. Not
    // signed there: DNSSEC keys live on the primary.
    Status copyTo(const QList<PowerDnsRrset> &sent, bool deleting)
    {
        const QString name = m_zone.name;
        if (deleting) {
            auto r = call([name](PowerDnsClient &c) { return c.deleteZone(name); });
            if (!r && r.error().code != errors::PowerdnsNotFound)
                return r.error();
            m_ctx.log(QStringLiteral("deleted the copy of %1 on %2").arg(name, m_settings.name));
            return {};
        }
        m_zone.dnssec = false;
        if (auto s = ensureOnServer(); !s)
            return s;
        QList<PowerDnsRrset> rrsets = sent;
        if (m_created) {
            auto all = DnsZones::records(m_db, m_zone.id);
            if (!all)
                return all.error();
            rrsets.clear();
            for (const DnsRecordRow &row : std::as_const(*all)) {
                PowerDnsRrset r;
                r.name = row.name;
                r.type = row.type;
                r.ttl = row.ttl;
                r.records = row.records;
                rrsets << r;
            }
        }
        if (rrsets.isEmpty())
            return {};
        auto patched = call([name, rrsets](PowerDnsClient &c) { return c.patchRrsets(name, rrsets); });
        if (!patched)
            return patched.error();
        m_ctx.log(QStringLiteral("copied %1 record set(s) to %2").arg(rrsets.size()).arg(m_settings.name));
        return {};
    }

    // What run() sent to this server: the secondaries get the same.
    const QList<PowerDnsRrset> &sent() const { return m_sent; }

private:
    PowerDnsResult call(const std::function<PowerDnsCall *(PowerDnsClient &)> &make)
    {
        return runPowerDnsCall(m_settings, make, [this] { return m_ctx.stopRequested(); });
    }

    Status deleteZone()
    {
        const QString name = m_zone.name;
        auto r = call([name](PowerDnsClient &c) { return c.deleteZone(name); });
        if (!r && r.error().code != errors::PowerdnsNotFound)
            return r.error();
        m_ctx.log(r ? QStringLiteral("deleted zone %1 on %2").arg(name, m_settings.name)
                    : QStringLiteral("zone %1 was not on %2 (any more)").arg(name, m_settings.name));
        auto q = sql::exec(m_db, QStringLiteral("DELETE FROM dns_zones WHERE id = ?::uuid"), {m_zone.id});
        if (!q)
            return q.error();
        return {};
    }

    // Looks before creating: creation is not safe to repeat, and a lost answer may have made it.
    Status ensureOnServer()
    {
        const QString name = m_zone.name;
        auto found = call([name](PowerDnsClient &c) { return c.zone(name); });
        if (found)
            return {};
        if (found.error().code != errors::PowerdnsNotFound)
            return found.error();
        auto settings = DnsSettingsStore::read(m_db);
        if (!settings)
            return settings.error();
        PowerDnsZoneSpec spec;
        spec.name = name;
        spec.kind = m_zone.kind;
        spec.soa = settings->soaFor(name);
        spec.soaTtl = settings->defaultTtl;
        spec.dnssec = m_zone.dnssec;
        auto created = call([spec](PowerDnsClient &c) { return c.createZone(spec); });
        if (!created && created.error().code != errors::PowerdnsConflict)
            return created.error();
        m_ctx.log(QStringLiteral("created zone %1 on %2%3")
                      .arg(name, m_settings.name, spec.dnssec ? QStringLiteral(" (signed)") : QString()));
        m_created = true;
        return {};
    }

    Status sendDirty()
    {
        auto changes =
            sql::exec(m_db,
                      QStringLiteral("SELECT id FROM dns_changes WHERE zone_id = ?::uuid AND status = "
                                     "'pending' ORDER BY id FOR UPDATE"),
                      {m_zone.id});
        if (!changes)
            return changes.error();
        QList<qint64> changeIds;
        while (changes->next())
            changeIds << changes->value(0).toLongLong();
        auto dirty =
            sql::exec(m_db,
                      QStringLiteral("SELECT id, name, type, ttl, array_to_json(records)::text, deleted "
                                     "FROM dns_rrsets WHERE zone_id = ?::uuid AND dirty ORDER BY id "
                                     "FOR UPDATE"),
                      {m_zone.id});
        if (!dirty)
            return dirty.error();
        QList<qint64> ids;
        QList<PowerDnsRrset> rrsets;
        while (dirty->next()) {
            ids << dirty->value(0).toLongLong();
            PowerDnsRrset r;
            r.name = dirty->value(1).toString();
            r.type = dirty->value(2).toString();
            r.ttl = dirty->value(3).toInt();
            if (dirty->value(5).toBool()) {
                r.change = PowerDnsRrset::Change::Delete;
            } else {
                for (const QJsonValue &v :
                     QJsonDocument::fromJson(dirty->value(4).toString().toUtf8()).array())
                    r.records << v.toString();
            }
            rrsets << r;
        }
        if (!rrsets.isEmpty()) {
            const QString name = m_zone.name;
            auto patched = call([name, rrsets](PowerDnsClient &c) { return c.patchRrsets(name, rrsets); });
            if (!patched) {
                if (patched.error().code == errors::PowerdnsRejected)
                    m_ctx.log(QStringLiteral("PowerDNS refused the change: %1").arg(patched.error().message));
                return patched.error();
            }
            m_sent = rrsets;
            m_ctx.log(QStringLiteral("sent %1 record set(s) to %2 in one PATCH")
                          .arg(rrsets.size())
                          .arg(m_settings.name));
            for (const QString &statement :
                 {QStringLiteral(
                      "UPDATE dns_rrsets SET dirty = false WHERE id = ANY(?::bigint[]) AND NOT deleted"),
                  QStringLiteral("DELETE FROM dns_rrsets WHERE id = ANY(?::bigint[]) AND deleted")}) {
                if (auto q = sql::exec(m_db, statement, {idArray(ids)}); !q)
                    return q.error();
            }
        } else {
            m_ctx.log(QStringLiteral("nothing to send: the zone is up to date"));
        }
        if (!changeIds.isEmpty()) {
            auto q = sql::exec(
                m_db,
                QStringLiteral("UPDATE dns_changes SET status = 'applied', applied_at = ?::timestamptz "
                               "WHERE id = ANY(?::bigint[])"),
                {m_ctx.now().toUTC(), idArray(changeIds)});
            if (!q)
                return q.error();
        }
        qint64 serial = m_zone.serial;
        if (!rrsets.isEmpty() || m_created || serial == 0) {
            const QString name = m_zone.name;
            auto zone = call([name](PowerDnsClient &c) { return c.zone(name); });
            if (!zone)
                return zone.error();
            serial = zone->json.object().value(QStringLiteral("serial")).toInteger();
        }
        auto q =
            sql::exec(m_db,
                      QStringLiteral("UPDATE dns_zones SET status = 'active', serial = ?, last_error = NULL, "
                                     "updated_at = ?::timestamptz WHERE id = ?::uuid"),
                      {serial, m_ctx.now().toUTC(), m_zone.id});
        if (!q)
            return q.error();
        if (serial != m_zone.serial)
            m_ctx.log(QStringLiteral("serial %1").arg(serial));
        return {};
    }

    // Signing on the server follows the zone's wish; the DS records are kept for the registry. Only
    // looked at while the two disagree (signed without DS, or DS while unsigned).
    Status syncDnssec()
    {
        if (m_zone.dnssec == !m_zone.dsRecords.isEmpty())
            return {};
        const QString name = m_zone.name;
        auto keys = call([name](PowerDnsClient &c) { return c.cryptokeys(name); });
        if (!keys)
            return keys.error();
        QJsonArray list = keys->json.array();
        if (m_zone.dnssec && list.isEmpty()) {
            auto added = call([name](PowerDnsClient &c) { return c.addCsk(name); });
            if (!added)
                return added.error();
            keys = call([name](PowerDnsClient &c) { return c.cryptokeys(name); });
            if (!keys)
                return keys.error();
            list = keys->json.array();
            m_ctx.log(QStringLiteral("signed zone %1").arg(name));
        } else if (!m_zone.dnssec) {
            for (const QJsonValue &key : std::as_const(list)) {
                const qint64 id = key.toObject().value(QStringLiteral("id")).toInteger();
                auto removed = call([name, id](PowerDnsClient &c) { return c.deleteCryptokey(name, id); });
                if (!removed && removed.error().code != errors::PowerdnsNotFound)
                    return removed.error();
            }
            list = {};
            m_ctx.log(QStringLiteral("stopped signing zone %1").arg(name));
        }
        QJsonArray ds;
        for (const QJsonValue &key : std::as_const(list)) {
            for (const QJsonValue &d : key.toObject().value(QStringLiteral("ds")).toArray())
                ds.append(d);
        }
        auto q = sql::exec(
            m_db,
            QStringLiteral(
                "UPDATE dns_zones SET ds_records = ARRAY(SELECT jsonb_array_elements_text(?::jsonb)) "
                "WHERE id = ?::uuid"),
            {QString::fromUtf8(QJsonDocument(ds).toJson(QJsonDocument::Compact)), m_zone.id});
        if (!q)
            return q.error();
        return {};
    }

    JobContext &m_ctx;
    QSqlDatabase m_db;
    DnsZone m_zone;
    PowerDnsSettings m_settings;
    bool m_created = false;
    QList<PowerDnsRrset> m_sent;
};

} // namespace

Status syncZone(JobContext &ctx)
{
    const QString zoneId = ctx.payload().value(QStringLiteral("zone_id")).toString();
    auto db = ctx.db();
    if (!db)
        return db.error();
    auto zone = DnsZones::findById(*db, zoneId);
    if (!zone) {
        if (zone.error().code == errors::NotFound) {
            ctx.log(QStringLiteral("the zone is gone: nothing to do"));
            return {};
        }
        return zone.error();
    }
    auto settings = DnsServers::settings(*db, zone->serverId);
    if (!settings)
        return settings.error().code == errors::NotFound ? JobContext::permanent(settings.error().message)
                                                         : settings.error();
    ZoneSync sync(ctx, *db, *zone, *settings);
    Status s = sync.run();
    if (s) {
        // Then each secondary: the job completes (and the primary's marks clear) only once every
        // copy is made, so a failed copy retries the whole change (REPLACE and DELETE repeat safely).
        auto secondaries = DnsServers::secondaries(*db);
        if (!secondaries)
            return secondaries.error();
        const bool deleting = zone->status == QLatin1String("deleting");
        for (const QString &id : std::as_const(*secondaries)) {
            auto copySettings = DnsServers::settings(*db, id);
            if (!copySettings)
                return copySettings.error();
            ZoneSync copy(ctx, *db, *zone, *copySettings);
            s = copy.copyTo(sync.sent(), deleting);
            if (!s)
                break;
        }
    }
    if (!s && ctx.stopRequested())
        return ctx.cancelRequested() ? JobContext::cancelled() : JobContext::interrupted();
    return s;
}

} // namespace mp::dns
