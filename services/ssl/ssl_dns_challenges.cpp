#include "ssl/ssl_dns_challenges.h"

#include "acme/acme_errors.h"
#include "core/errors.h"
#include "db/tenant_transaction.h"
#include "dns/dns_record_rules.h"
#include "dns/dns_servers.h"
#include "dns/dns_zones.h"
#include "ssl/ssl_certificate.h"
#include "ssl/ssl_txt_probe.h"

#include <QMap>

namespace mp::ssl {

namespace {

const QString kActor = QStringLiteral("ssl dns-01");

// The zone in mPanel that holds `name` (absolute): the longest one of its suffixes that is a zone.
Result<dns::DnsZone> zoneHolding(const QSqlDatabase &db, const QString &name)
{
    QStringList labels = name.split(u'.', Qt::SkipEmptyParts);
    while (labels.size() >= 2) {
        auto zone = dns::DnsZones::find(db, labels.join(u'.') + u'.');
        if (zone)
            return zone;
        if (zone.error().code != errors::NotFound)
            return zone.error();
        labels.removeFirst();
    }
    return makeError(errors::AcmeChallengeFailed,
                     QStringLiteral("dns-01 for %1 needs the name's zone in mPanel's DNS, and no zone there "
                                    "holds it")
                         .arg(name.chopped(1)));
}

} // namespace

Status SslDnsChallenges::publish(TenantTransaction &tx, const QString &certificateId,
                                 const QList<AcmeChallengeTask> &tasks, const QDateTime &now)
{
    QMap<QString, QStringList> values; // one set per name, in a stable order
    for (const AcmeChallengeTask &task : tasks)
        values[task.dnsName] << task.dnsValue;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        auto zone = zoneHolding(tx.db(), it.key());
        if (!zone)
            return zone.error();
        dns::RecordChange change;
        change.name = it.key();
        change.type = QStringLiteral("TXT");
        change.ttl = dns::kMinTtl; // a stale answer in a cache would outlive the challenge otherwise
        change.records = it.value();
        auto set = dns::checkChange(change, zone->name, dns::kMinTtl);
        if (!set)
            return set.error();
        auto put =
            dns::DnsZones::putOwned(tx, *zone, *set, kCertificateRelatedType, certificateId, kActor, now);
        if (!put)
            return put.error();
    }
    return {};
}

QString SslDnsChallenges::notYetServed(TenantTransaction &tx, const QList<AcmeChallengeTask> &tasks)
{
    auto servers = dns::DnsServers::list(tx);
    if (!servers)
        return servers.error().message;
    int asked = 0;
    for (const QJsonObject &server : std::as_const(*servers)) {
        const QString address = server.value(QLatin1String("dns_address")).toString();
        if (!server.value(QLatin1String("enabled")).toBool() || address.isEmpty())
            continue;
        ++asked;
        const QString serverName = server.value(QLatin1String("name")).toString();
        for (const AcmeChallengeTask &task : tasks) {
            auto served = SslTxtProbe::query(address, task.dnsName);
            if (!served)
                return served.error().message;
            if (!served->contains(task.dnsValue))
                return QStringLiteral("DNS server %1 (%2) does not serve the TXT record at %3 yet")
                    .arg(serverName, address, task.dnsName);
        }
    }
    if (asked == 0)
        return QStringLiteral("no enabled DNS server has a DNS address to check the TXT records at");
    return {};
}

Status SslDnsChallenges::cleanUp(TenantTransaction &tx, const QString &certificateId, const QDateTime &now)
{
    return dns::DnsZones::removeOwned(tx, kCertificateRelatedType, certificateId, kActor, now);
}

} // namespace mp::ssl
