#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "module/provider_source.h"
#include "powerdns/powerdns_settings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::dns {

namespace server_mode {
inline const QString live = QStringLiteral("live");
inline const QString sandbox = QStringLiteral("sandbox");
} // namespace server_mode

// The PowerDNS servers a tenant's staff registered: one primary (zones are made there) and any
// secondaries. The API key is write-only: answers say only that one is set.
class DnsServers {
public:
    static const api::RequestBody &serverBody();

    static Result<QJsonObject> create(TenantTransaction &tx, const api::BodyValues &body,
                                      const QDateTime &now);
    static Result<QList<QJsonObject>> list(TenantTransaction &tx);
    // The enabled primary's id, or dns_no_server.
    static Result<QString> primary(const QSqlDatabase &db);
    // The enabled secondaries' ids: every zone is copied to each of them.
    static Result<QStringList> secondaries(const QSqlDatabase &db);
    // How to call a server (with its key): for jobs, on the service's connection.
    static Result<PowerDnsSettings> settings(const QSqlDatabase &db, const QString &serverId);
};

// PowerDNS in GET /api/system/providers and the console's status bar: one entry per server.
ProviderSource powerDnsProviderSource();

} // namespace mp::dns
