#include "dns/dns_servers.h"

#include "api/responses.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_errors.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSqlQuery>
#include <QUuid>

namespace mp::dns {

namespace {

const QString kColumns =
    QStringLiteral("id, name, api_base, server_id, dns_address, role, mode, enabled, created_at, updated_at");

QJsonObject serverJson(const QSqlQuery &q)
{
    return {{QStringLiteral("id"), q.value(0).toString()},
            {QStringLiteral("name"), q.value(1).toString()},
            {QStringLiteral("api_base"), q.value(2).toString()},
            {QStringLiteral("server_id"), q.value(3).toString()},
            {QStringLiteral("dns_address"), q.value(4).isNull() ? QJsonValue() : q.value(4).toString()},
            {QStringLiteral("role"), q.value(5).toString()},
            {QStringLiteral("mode"), q.value(6).toString()},
            {QStringLiteral("enabled"), q.value(7).toBool()},
            {QStringLiteral("api_key_set"), true},
            {QStringLiteral("created_at"), api::timestamp(q.value(8).toDateTime())},
            {QStringLiteral("updated_at"), api::timestamp(q.value(9).toDateTime())}};
}

bool onLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

const QString kInsert =
    QStringLiteral(
        "INSERT INTO dns_servers (tenant_id, name, api_base, api_key, server_id, dns_address, role, mode, "
        "enabled, "
        "created_at, updated_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz) "
        "ON CONFLICT DO NOTHING RETURNING ") +
    kColumns;

} // namespace

const api::RequestBody &DnsServers::serverBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsServerInput"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .describe(QStringLiteral("1 to 63 of A-Z a-z 0-9 _ . -")))
            .add(BodyField::string(QStringLiteral("api_base"))
                     .required()
                     .describe(QStringLiteral("the PowerDNS webserver's URL, e.g. http://127.0.0.1:8081")))
            .add(BodyField::string(QStringLiteral("api_key"))
                     .required()
                     .writeOnly()
                     .describe(QStringLiteral("PowerDNS's api-key; never read back")))
            .add(BodyField::string(QStringLiteral("server_id"))
                     .defaultValue(QStringLiteral("localhost"))
                     .describe(QStringLiteral("the server id in PowerDNS's API paths")))
            .add(BodyField::string(QStringLiteral("dns_address"))
                     .describe(QStringLiteral(
                         "where it answers DNS, host:port (for checks that changes are served)")))
            .add(BodyField::string(QStringLiteral("role"))
                     .oneOf({QStringLiteral("primary"), QStringLiteral("secondary")}, errors::DnsInvalidRole))
            .add(BodyField::string(QStringLiteral("mode"))
                     .oneOf({server_mode::live, server_mode::sandbox}, errors::DnsInvalidMode)
                     .describe(
                         QStringLiteral("sandbox: a throwaway PowerDNS on this machine's loopback only")))
            .add(BodyField::boolean(QStringLiteral("enabled")));
    return body;
}

Result<QJsonObject> DnsServers::create(TenantTransaction &tx, const api::BodyValues &body,
                                       const QDateTime &now)
{
    PowerDnsSettings s;
    s.name = body.string(QStringLiteral("name"), QString()).trimmed();
    s.apiBase = QUrl(body.string(QStringLiteral("api_base"), QString()).trimmed());
    s.apiKey = body.string(QStringLiteral("api_key"), QString());
    s.serverId = body.string(QStringLiteral("server_id"), QStringLiteral("localhost")).trimmed();
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    if (!namePattern.match(s.name).hasMatch())
        return makeError(errors::InvalidName,
                         QStringLiteral("a server name is 1 to 63 letters, digits, _ . -"),
                         QStringLiteral("name"));
    if (auto v = s.validate(); !v)
        return makeError(errors::InvalidValue, v.error().message, v.error().field);
    const QString mode = body.string(QStringLiteral("mode"), server_mode::live);
    if (mode == server_mode::sandbox && !onLoopback(s.apiBase))
        return makeError(
            errors::DnsSandboxNotLoopback,
            QStringLiteral("a sandbox PowerDNS runs on this machine's loopback (127.0.0.1, ::1)"),
            QStringLiteral("mode"));
    const QString dnsAddress = body.string(QStringLiteral("dns_address"), QString()).trimmed();
    if (dnsAddress.size() > 200)
        return makeError(errors::InvalidValue, QStringLiteral("dns_address is at most 200 characters"),
                         QStringLiteral("dns_address"));
    const QString role = body.string(QStringLiteral("role"), QStringLiteral("primary"));
    const bool enabled = body.boolean(QStringLiteral("enabled")).value_or(true);
    if (role == QLatin1String("primary") && enabled) {
        auto existing = sql::exec(
            tx.db(), QStringLiteral("SELECT name FROM dns_servers WHERE role = 'primary' AND enabled"));
        if (!existing)
            return existing.error();
        if (existing->next())
            return makeError(errors::Conflict,
                             QStringLiteral("'%1' is the primary already; add this one as a secondary")
                                 .arg(existing->value(0).toString()),
                             QStringLiteral("role"));
    }
    auto q =
        sql::exec(tx.db(), kInsert,
                  {tx.tenantId(), s.name, s.apiBase.toString(), s.apiKey, s.serverId,
                   dnsAddress.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(dnsAddress),
                   role, mode, enabled, now.toUTC(), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NameTaken, QStringLiteral("a DNS server named '%1' exists").arg(s.name),
                         QStringLiteral("name"));
    return serverJson(*q);
}

Result<QList<QJsonObject>> DnsServers::list(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM dns_servers ORDER BY role, lower(name)").arg(kColumns));
    if (!q)
        return q.error();
    QList<QJsonObject> out;
    while (q->next())
        out.append(serverJson(*q));
    return out;
}

Result<QString> DnsServers::primary(const QSqlDatabase &db)
{
    auto q = sql::exec(db, QStringLiteral("SELECT id FROM dns_servers WHERE role = 'primary' AND enabled"));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::DnsNoServer,
                         QStringLiteral("no PowerDNS primary server is registered (POST /api/dns/servers)"),
                         QStringLiteral("server_id"));
    return q->value(0).toString();
}

Result<QStringList> DnsServers::secondaries(const QSqlDatabase &db)
{
    auto q = sql::exec(db, QStringLiteral("SELECT id FROM dns_servers WHERE role = 'secondary' AND enabled "
                                          "ORDER BY lower(name)"));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<PowerDnsSettings> DnsServers::settings(const QSqlDatabase &db, const QString &serverId)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT name, api_base, api_key, server_id, mode FROM dns_servers WHERE id = ?::uuid"),
        {serverId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such DNS server"), QStringLiteral("server_id"));
    PowerDnsSettings s;
    s.name = q->value(0).toString();
    s.apiBase = QUrl(q->value(1).toString());
    s.apiKey = q->value(2).toString();
    s.serverId = q->value(3).toString();
    s.mode = q->value(4).toString() == server_mode::sandbox ? ProviderMode::Sandbox : ProviderMode::Live;
    return PowerDnsSettings::withEnvironment(s);
}

ProviderSource powerDnsProviderSource()
{
    ProviderSource source;
    source.key = QStringLiteral("powerdns");
    source.label = QStringLiteral("PowerDNS");
    source.single = false;
    source.listKey = QStringLiteral("servers");
    source.itemNoun = QString::fromUtf8(QT_TRANSLATE_NOOP("mp::ProviderSources", "server"));
    source.read = [](TenantTransaction &tx, const Config &) -> Result<QList<ProviderStatus>> {
        auto servers = DnsServers::list(tx);
        if (!servers)
            return servers.error();
        QList<ProviderStatus> statuses;
        for (const QJsonObject &o : std::as_const(*servers)) {
            ProviderStatus s;
            s.provider = QStringLiteral("powerdns");
            s.id = o.value(QStringLiteral("id")).toString();
            s.name = o.value(QStringLiteral("name")).toString();
            s.mode = o.value(QStringLiteral("mode")).toString();
            s.endpoint = o.value(QStringLiteral("api_base")).toString();
            s.enabled = o.value(QStringLiteral("enabled")).toBool();
            s.detail = s.mode == server_mode::sandbox
                           ? QStringLiteral("a throwaway PowerDNS on loopback: no real zones")
                           : QStringLiteral("a PowerDNS server: real zones");
            statuses.append(s);
        }
        return statuses;
    };
    return source;
}

} // namespace mp::dns
