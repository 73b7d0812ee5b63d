#include "mail/mail_dns.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_record_rules.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zones.h"
#include "mail/mail_dkim.h"
#include "mail/mail_rows.h"

#include <QSqlQuery>

namespace mp::mail {

namespace {

// The DNS module refuses by its rules (a CNAME where the MX would go, no DNS server): the
// domain's mail keeps working, staff see why in the log.
bool refusedByRules(const Error &error)
{
    return error.category == ErrorCategory::Unprocessable || error.category == ErrorCategory::Conflict;
}

Status skipped(const QString &domain, const Error &error)
{
    if (!refusedByRules(error))
        return error;
    JsonLog::write(QStringLiteral("mail_dns_skipped"),
                   {{QStringLiteral("domain"), domain}, {QStringLiteral("message"), error.message}});
    return {};
}

// The domain's zone, made on the tenant's primary when missing; nullopt when there is no DNS
// server to publish on.
Result<std::optional<dns::DnsZone>> zoneOf(TenantTransaction &tx, const QString &domain, const QString &actor,
                                           const QDateTime &now)
{
    auto primary = dns::DnsServers::primary(tx.db());
    if (!primary) {
        if (auto s = skipped(domain, primary.error()); !s)
            return s.error();
        return std::optional<dns::DnsZone>();
    }
    auto zone = dns::DnsZones::ensure(tx, domain + u'.', actor, now);
    if (!zone) {
        if (auto s = skipped(domain, zone.error()); !s)
            return s.error();
        return std::optional<dns::DnsZone>();
    }
    return std::optional<dns::DnsZone>(*zone);
}

Result<int> defaultTtl(const QSqlDatabase &db)
{
    auto settings = dns::DnsSettingsStore::read(db);
    if (!settings)
        return settings.error();
    return settings->defaultTtl;
}

Result<dns::RecordSet> recordSet(const QString &owner, const QString &type, const QStringList &inputs,
                                 const QString &zone, int ttl)
{
    dns::RecordSet set{owner, type, ttl, {}, {}};
    for (const QString &input : inputs) {
        auto content = dns::recordContent(type, input, owner, zone, QStringLiteral("dns"));
        if (!content)
            return content.error();
        set.records << *content;
    }
    return set;
}

// The apex TXT set with SPF put in (`withSpf`) or taken out, every other TXT record kept.
Result<dns::RecordSet> apexTxt(const QSqlDatabase &db, const dns::DnsZone &zone, bool withSpf, int ttl)
{
    auto current = dns::DnsZones::records(db, zone.id, {}, {}, 100000);
    if (!current)
        return current.error();
    dns::RecordSet set{zone.name, QStringLiteral("TXT"), ttl, {}, {}};
    for (const dns::DnsRecordRow &row : std::as_const(*current)) {
        if (row.name != zone.name || row.type != QLatin1String("TXT"))
            continue;
        set.ttl = row.ttl;
        for (const QString &record : row.records) {
            if (!record.startsWith(QLatin1String("\"v=spf1")))
                set.records << record;
        }
    }
    if (withSpf) {
        auto spf = dns::txtContent(MailDns::kSpf, QStringLiteral("dns"));
        if (!spf)
            return spf.error();
        set.records << *spf;
    }
    return set;
}

} // namespace

QString MailDns::mxContent(const MailDomain &domain)
{
    return QStringLiteral("10 %1.").arg(domain.mxHost);
}

QString MailDns::dmarcText(const MailDomain &domain)
{
    return QStringLiteral("v=DMARC1; p=%1; adkim=r; aspf=r").arg(domain.dmarcPolicy);
}

Status MailDns::publish(TenantTransaction &tx, const MailDomain &domain, const QString &actor,
                        const QDateTime &now)
{
    auto zone = zoneOf(tx, domain.name, actor, now);
    if (!zone)
        return zone.error();
    if (!*zone)
        return {};
    auto ttl = defaultTtl(tx.db());
    if (!ttl)
        return ttl.error();
    const QString apex = (*zone)->name;
    auto mx = recordSet(apex, QStringLiteral("MX"), {mxContent(domain)}, apex, *ttl);
    auto dmarc =
        recordSet(QStringLiteral("_dmarc.") + apex, QStringLiteral("TXT"), {dmarcText(domain)}, apex, *ttl);
    auto spf = apexTxt(tx.db(), **zone, true, *ttl);
    for (const auto *set : {&mx, &dmarc, &spf}) {
        if (!*set)
            return skipped(domain.name, set->error());
    }
    for (const dns::RecordSet &set : {*mx, *dmarc}) {
        auto put = dns::DnsZones::putOwned(tx, **zone, set, kDomainSource, domain.id, actor, now);
        if (!put)
            return skipped(domain.name, put.error());
    }
    // Not owned: the apex TXT set holds the customer's other records too.
    auto put = dns::DnsZones::putOwned(tx, **zone, *spf, {}, {}, actor, now);
    if (!put)
        return skipped(domain.name, put.error());
    return {};
}

Status MailDns::publishKey(TenantTransaction &tx, const QString &domain, const QString &keyId,
                           const QString &selector, const QString &publicKey, const QString &actor,
                           const QDateTime &now)
{
    auto zone = zoneOf(tx, domain, actor, now);
    if (!zone)
        return zone.error();
    if (!*zone)
        return {};
    auto ttl = defaultTtl(tx.db());
    if (!ttl)
        return ttl.error();
    auto set = recordSet(Dkim::ownerName(selector, domain), QStringLiteral("TXT"),
                         {Dkim::txtRecord(publicKey)}, (*zone)->name, *ttl);
    if (!set)
        return skipped(domain, set.error());
    auto put = dns::DnsZones::putOwned(tx, **zone, *set, kDkimSource, keyId, actor, now);
    if (!put)
        return skipped(domain, put.error());
    return {};
}

Status MailDns::unpublishKey(TenantTransaction &tx, const QString &keyId, const QString &actor,
                             const QDateTime &now)
{
    return dns::DnsZones::removeOwned(tx, kDkimSource, keyId, actor, now);
}

Status MailDns::unpublish(TenantTransaction &tx, const MailDomain &domain, const QString &actor,
                          const QDateTime &now)
{
    if (auto s = dns::DnsZones::removeOwned(tx, kDomainSource, domain.id, actor, now); !s)
        return s;
    auto keys = sql::exec(tx.db(), QStringLiteral("SELECT id FROM mail_dkim_keys WHERE domain_id = ?::uuid"),
                          {domain.id});
    if (!keys)
        return keys.error();
    while (keys->next()) {
        if (auto s = unpublishKey(tx, keys->value(0).toString(), actor, now); !s)
            return s;
    }
    auto zone = dns::DnsZones::find(tx.db(), domain.name + u'.');
    if (!zone)
        return zone.error().code == errors::NotFound ? Status() : Status(zone.error());
    auto ttl = defaultTtl(tx.db());
    if (!ttl)
        return ttl.error();
    auto txt = apexTxt(tx.db(), *zone, false, *ttl);
    if (!txt)
        return txt.error();
    auto put = dns::DnsZones::putOwned(tx, *zone, *txt, {}, {}, actor, now);
    if (!put)
        return skipped(domain.name, put.error());
    return {};
}

} // namespace mp::mail
