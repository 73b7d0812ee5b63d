#include "dns/dns_zone_files.h"

#include "db/tenant_transaction.h"
#include "dns/dns_errors.h"
#include "dns/dns_settings.h"
#include "dns/dns_zone_file.h"

namespace mp::dns {

Result<QString> ZoneFiles::exportZone(const QSqlDatabase &db, const DnsZone &zone)
{
    auto settings = DnsSettingsStore::read(db);
    if (!settings)
        return settings.error();
    auto sets = DnsZones::records(db, zone.id);
    if (!sets)
        return sets.error();
    QStringList soa = settings->soaFor(zone.name).split(u' ', Qt::SkipEmptyParts);
    if (soa.size() == 7)
        soa[2] = QString::number(zone.serial);
    return writeZoneFile(zone.name, soa.join(u' '), settings->defaultTtl, *sets);
}

Result<Imported> ZoneFiles::importInto(TenantTransaction &tx, const DnsZone &zone, const QString &text,
                                       const QString &actor, const QDateTime &now)
{
    auto settings = DnsSettingsStore::read(tx.db());
    if (!settings)
        return settings.error();
    auto content = parseZoneFile(text, zone.name, settings->defaultTtl);
    if (!content)
        return content.error();
    if (content->changes.isEmpty())
        return makeError(errors::DnsInvalidZoneFile,
                         QStringLiteral("the zone file holds no record mPanel serves"),
                         QStringLiteral("zone_file"));
    if (content->changes.size() > 10000)
        return makeError(errors::DnsTooManyChanges,
                         QStringLiteral("at most 10000 record sets in one zone file"),
                         QStringLiteral("zone_file"));
    auto queued = DnsZones::change(tx, zone, content->changes, actor, now);
    if (!queued)
        return zoneFileError(queued.error());
    return Imported{*queued, int(content->changes.size()), content->skipped};
}

} // namespace mp::dns
