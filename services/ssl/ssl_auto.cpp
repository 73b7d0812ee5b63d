#include "ssl/ssl_auto.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zones.h"
#include "ssl/ssl_certificates.h"
#include "ssl/ssl_environment.h"

#include <QSqlQuery>

namespace mp::ssl {

namespace {

const QString kPodSource = QStringLiteral("cloud_pod");
const QString kDomainSource = QStringLiteral("domain");

bool enabled()
{
    return SslEnvironment::setting(QStringLiteral("MPANEL_SSL_AUTO"), QStringLiteral("on")) !=
           QLatin1String("off");
}

// A name AutoSSL cannot certify is logged and skipped: the pod or domain is up all the same.
Status ask(TenantTransaction &tx, CertificateRequest request, const QDateTime &now)
{
    auto queued = SslCertificates::request(tx, request, now);
    if (!queued) {
        if (queued.error().category == ErrorCategory::Unprocessable) {
            JsonLog::write(QStringLiteral("ssl_auto_skipped"),
                           {{QStringLiteral("names"), request.names.join(u' ')},
                            {QStringLiteral("message"), queued.error().message}});
            return {};
        }
        return queued.error();
    }
    return {};
}

} // namespace

Status certifyService(TenantTransaction &tx, const provisioning::ServiceOnline &service, const QDateTime &now)
{
    if (!enabled() || service.hostname.isEmpty())
        return {};
    auto settings = dns::DnsSettingsStore::read(tx.db());
    if (!settings)
        return settings.error();
    if (settings->podZone.isEmpty())
        return {}; // the pod gets no name, so nothing to certify
    if (auto primary = dns::DnsServers::primary(tx.db()); !primary)
        return {}; // no DNS server: neither the name nor a dns-01 answer can be published
    QString zone = settings->podZone;
    if (zone.endsWith(u'.'))
        zone.chop(1);
    CertificateRequest request;
    request.names = {service.hostname.toLower() + u'.' + zone};
    request.challenge = QStringLiteral("dns-01");
    request.customerId = service.customerId;
    request.sourceType = kPodSource;
    request.sourceId = service.serviceId;
    return ask(tx, request, now);
}

Status revokeServiceCertificate(TenantTransaction &tx, const provisioning::ServiceGone &service,
                                const QDateTime &now)
{
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("SELECT id FROM ssl_certificates WHERE source_type = ? AND source_id = ? "
                                 "AND status <> 'revoked'"),
                  {kPodSource, service.serviceId});
    if (!q)
        return q.error();
    if (!q->next())
        return {};
    auto cert = SslCertificates::find(tx.db(), q->value(0).toString());
    if (!cert)
        return cert.error();
    if (cert->certificatePem.isEmpty())
        return {}; // never issued: its issue job finds the pod's name gone and fails in words
    auto revoked = SslCertificates::revoke(tx, *cert, now);
    return revoked ? Status() : Status(revoked.error());
}

Status certifyDomain(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now)
{
    const QString name = event.data.value(QLatin1String("name")).toString().toLower();
    if (!enabled() || name.isEmpty())
        return {};
    auto zone = dns::DnsZones::find(tx.db(), name + u'.');
    if (!zone && zone.error().code != errors::NotFound)
        return zone.error();
    CertificateRequest request;
    request.names = {name, QStringLiteral("www.") + name};
    request.challenge = zone ? QStringLiteral("dns-01") : QStringLiteral("http-01");
    request.customerId = event.customerId;
    request.sourceType = kDomainSource;
    request.sourceId = event.subjectId;
    return ask(tx, request, now);
}

} // namespace mp::ssl
