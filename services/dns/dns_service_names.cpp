#include "dns/dns_service_names.h"

#include "core/json_log.h"
#include "db/tenant_transaction.h"
#include "dns/dns_names.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zones.h"

#include <QHostAddress>

namespace mp::dns {

namespace {

QString actorFor(const QString &type, const QString &id)
{
    return QStringLiteral("%1 %2").arg(type, id);
}

// A refusal by the DNS rules (not the database) is the name's problem, not the service's.
bool refusedByRules(const Error &error)
{
    return error.category == ErrorCategory::Unprocessable || error.category == ErrorCategory::Conflict;
}

Status skip(const provisioning::ServiceOnline &service, const Error &error)
{
    if (!refusedByRules(error))
        return error;
    JsonLog::write(QStringLiteral("dns_service_name_skipped"),
                   {{QStringLiteral("service_type"), service.serviceType},
                    {QStringLiteral("service_id"), service.serviceId},
                    {QStringLiteral("message"), error.message}});
    return {};
}

Status put(TenantTransaction &tx, const QString &zoneName, const RecordSet &set,
           const provisioning::ServiceOnline &service, const QDateTime &now)
{
    const QString actor = actorFor(service.serviceType, service.serviceId);
    auto zone = DnsZones::ensure(tx, zoneName, actor, now);
    if (!zone)
        return skip(service, zone.error());
    auto queued = DnsZones::putOwned(tx, *zone, set, service.serviceType, service.serviceId, actor, now,
                                     service.customerId);
    if (!queued)
        return skip(service, queued.error());
    return {};
}

} // namespace

Status nameService(TenantTransaction &tx, const provisioning::ServiceOnline &service, const QDateTime &now)
{
    if (service.hostname.isEmpty() || service.addresses.isEmpty())
        return {};
    auto settings = DnsSettingsStore::read(tx.db());
    if (!settings)
        return settings.error();
    if (settings->podZone.isEmpty())
        return {};
    if (auto primary = DnsServers::primary(tx.db()); !primary)
        return refusedByRules(primary.error()) ? Status() : Status(primary.error());

    auto owner = ownerName(service.hostname, settings->podZone, QStringLiteral("hostname"));
    if (!owner)
        return skip(service, owner.error());
    RecordSet v4{*owner, QStringLiteral("A"), settings->defaultTtl, {}, {}};
    RecordSet v6{*owner, QStringLiteral("AAAA"), settings->defaultTtl, {}, {}};
    for (const QString &text : service.addresses) {
        const QHostAddress address(text);
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            v4.records << address.toString();
        else if (address.protocol() == QAbstractSocket::IPv6Protocol)
            v6.records << address.toString();
        else
            continue;
        const int prefix = service.prefixLength > 0
                               ? service.prefixLength
                               : (address.protocol() == QAbstractSocket::IPv4Protocol ? 24 : 64);
        const RecordSet ptr{reverseName(address), QStringLiteral("PTR"), settings->defaultTtl, {*owner}, {}};
        if (auto s = put(tx, reverseZone(address, prefix), ptr, service, now); !s)
            return s;
    }
    for (const RecordSet &set : {v4, v6}) {
        if (set.records.isEmpty())
            continue;
        if (auto s = put(tx, settings->podZone, set, service, now); !s)
            return s;
    }
    return {};
}

Status unnameService(TenantTransaction &tx, const provisioning::ServiceGone &service, const QDateTime &now)
{
    return DnsZones::removeOwned(tx, service.serviceType, service.serviceId,
                                 actorFor(service.serviceType, service.serviceId), now);
}

} // namespace mp::dns
