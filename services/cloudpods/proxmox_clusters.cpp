#include "cloudpods/proxmox_clusters.h"

#include "cloudpods/cloudpod_errors.h"

#include "api/responses.h"
#include "cloudpods/cluster_mode.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "proxmox/proxmox_lxc_spec.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace mp::cloudpods {

namespace {

const QString kClusterColumns = QStringLiteral(
    "id, name, api_base, token_id, ca_pem IS NOT NULL, fingerprint_sha256, enabled, created_at, updated_at, "
    "mode");

QJsonObject clusterJson(const QSqlQuery &q)
{
    return {{QStringLiteral("id"), q.value(0).toString()},
            {QStringLiteral("name"), q.value(1).toString()},
            {QStringLiteral("api_base"), q.value(2).toString()},
            {QStringLiteral("token_id"), q.value(3).toString()},
            {QStringLiteral("token_secret_set"), true},
            {QStringLiteral("has_ca_certificate"), q.value(4).toBool()},
            {QStringLiteral("fingerprint"), q.value(5).isNull() ? QJsonValue() : q.value(5).toString()},
            {QStringLiteral("enabled"), q.value(6).toBool()},
            {QStringLiteral("created_at"), api::timestamp(q.value(7).toDateTime())},
            {QStringLiteral("updated_at"), api::timestamp(q.value(8).toDateTime())},
            {QStringLiteral("mode"), q.value(9).toString()}};
}

Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::InvalidValue, message, field);
}

Error notFound(const QString &what)
{
    return makeError(errors::NotFound, QStringLiteral("no such %1").arg(what), QStringLiteral("id"));
}

// The values of a cluster body, checked the way a call would check them.
struct ClusterInput {
    QString name, apiBase, tokenId, tokenSecret, caPem, fingerprint;
    bool enabled = true;
    QString mode = cluster_mode::live;
};

Status readCluster(const QJsonObject &body, ClusterInput &in, bool creating)
{
    auto f = ProxmoxClusters::clusterBody().decode(body);
    if (!f)
        return f.error();
    const auto read = [&f, creating](const QString &key, QString &into, bool required) -> Status {
        if (const auto v = f->string(key))
            into = v->trimmed();
        else if (required && creating)
            return makeError(errors::MissingField, QStringLiteral("%1 is required").arg(key), key);
        return {};
    };
    for (auto [key, into, required] : {std::tuple{QStringLiteral("name"), &in.name, true},
                                       std::tuple{QStringLiteral("api_base"), &in.apiBase, true},
                                       std::tuple{QStringLiteral("token_id"), &in.tokenId, true},
                                       std::tuple{QStringLiteral("token_secret"), &in.tokenSecret, true},
                                       std::tuple{QStringLiteral("ca_pem"), &in.caPem, false},
                                       std::tuple{QStringLiteral("fingerprint"), &in.fingerprint, false},
                                       std::tuple{QStringLiteral("mode"), &in.mode, false}}) {
        if (auto s = read(key, *into, required); !s)
            return s;
    }
    if (const auto enabled = f->boolean(QStringLiteral("enabled")))
        in.enabled = *enabled;
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    if (!namePattern.match(in.name).hasMatch())
        return invalid(QStringLiteral("name"),
                       QStringLiteral("a cluster name is 1 to 63 letters, digits, _ . -"));
    ProxmoxSettings s;
    s.clusterName = in.name;
    s.apiBase = QUrl(in.apiBase);
    s.tokenId = in.tokenId;
    s.tokenSecret = in.tokenSecret;
    if (!in.fingerprint.isEmpty()) {
        auto fp = ProxmoxSettings::parseFingerprint(in.fingerprint);
        if (!fp)
            return invalid(QStringLiteral("fingerprint"), fp.error().message);
        s.pinnedSha256 = *fp;
        in.fingerprint = ProxmoxSettings::formatFingerprint(*fp);
    }
    if (!in.caPem.isEmpty()) {
        auto ca = ProxmoxSettings::parseCaCertificates(in.caPem.toUtf8());
        if (!ca)
            return invalid(QStringLiteral("ca_pem"), ca.error().message);
    }
    if (auto v = s.validate(); !v)
        return invalid(v.error().field, v.error().message);
    return cluster_mode::check(in.mode, s.apiBase);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

const QString kInsertCluster =
    QStringLiteral("INSERT INTO proxmox_clusters (tenant_id, name, api_base, token_id, token_secret, ca_pem, "
                   "fingerprint_sha256, "
                   "enabled, created_at, updated_at, mode) "
                   "VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?) "
                   "ON CONFLICT (tenant_id, lower(name)) DO NOTHING RETURNING id");

const QString kSelectClusterSecret =
    QStringLiteral("SELECT name, api_base, token_id, token_secret, ca_pem, "
                   "fingerprint_sha256, mode FROM proxmox_clusters WHERE id = ?");

const QString kUpdateCluster = QStringLiteral(
    "UPDATE proxmox_clusters SET name = ?, api_base = ?, token_id = ?, token_secret = ?, ca_pem = ?, "
    "fingerprint_sha256 = ?, enabled = ?, updated_at = ?::timestamptz, mode = ? WHERE id = ?");

const QString kNodes = QStringLiteral(
    "SELECT n.id, n.cluster_id, c.name, n.name, n.placement_group, n.cpu_cores, n.ram_mb, n.disk_gb, "
    "n.storage, "
    "n.enabled, coalesce(sum(a.cpu_cores), 0), coalesce(sum(a.ram_mb), 0), coalesce(sum(a.disk_gb), 0), "
    "count(a.pod_id), c.mode "
    "FROM proxmox_nodes n JOIN proxmox_clusters c ON c.id = n.cluster_id "
    "LEFT JOIN node_allocations a ON a.node_id = n.id "
    "WHERE (?::uuid IS NULL OR n.cluster_id = ?::uuid) "
    "GROUP BY n.id, c.name, c.mode ORDER BY c.name, n.name");

const QString kInsertNode = QStringLiteral(
    "INSERT INTO proxmox_nodes (tenant_id, cluster_id, name, placement_group, cpu_cores, ram_mb, disk_gb, "
    "storage, "
    "created_at) SELECT tenant_id, id, ?, ?, ?, ?, ?, ?, ?::timestamptz FROM proxmox_clusters WHERE id = ? "
    "ON CONFLICT (cluster_id, name) DO NOTHING RETURNING id");

const QString kPools = QStringLiteral(
    "SELECT p.id, p.cluster_id, p.node_id, p.name, host(p.first_address), host(p.last_address), "
    "p.prefix_length, "
    "host(p.gateway), p.dns_servers, count(a.address), count(a.pod_id) "
    "FROM ip_pools p LEFT JOIN ip_addresses a ON a.pool_id = p.id GROUP BY p.id ORDER BY p.name, p.id");

// The range minus the gateway, one row per address, in the statement that creates the pool.
const QString kInsertPool = QStringLiteral(
    "WITH c AS (SELECT tenant_id, id FROM proxmox_clusters WHERE id = ?), "
    "n AS (SELECT ?::uuid AS node_id), "
    "p AS (INSERT INTO ip_pools (tenant_id, cluster_id, node_id, name, first_address, last_address, "
    "prefix_length, "
    "gateway, dns_servers, created_at) "
    "SELECT c.tenant_id, c.id, n.node_id, ?, ?::inet, ?::inet, ?, ?::inet, coalesce(?, ''), ?::timestamptz "
    "FROM c, n "
    "RETURNING id, tenant_id, first_address, last_address, gateway), "
    "a AS (INSERT INTO ip_addresses (tenant_id, pool_id, address) "
    "SELECT p.tenant_id, p.id, p.first_address + i FROM p, generate_series(0, p.last_address - "
    "p.first_address) i "
    "WHERE p.first_address + i <> p.gateway RETURNING 1) "
    "SELECT p.id, (SELECT count(*) FROM a) FROM p");

const QString kEnabledClusters =
    QStringLiteral("SELECT id FROM proxmox_clusters WHERE enabled ORDER BY name");

} // namespace

const api::RequestBody &ProxmoxClusters::clusterBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("ProxmoxClusterInput"))
            .add(BodyField::string(QStringLiteral("name")))
            .add(BodyField::string(QStringLiteral("api_base"))
                     .example(QStringLiteral("https://pve1.example.net:8006/api2/json")))
            .add(BodyField::string(QStringLiteral("token_id")).example(QStringLiteral("mpanel@pve!prov")))
            .add(BodyField::string(QStringLiteral("token_secret"))
                     .maxLength(500)
                     .outOfRange(errors::InvalidValue)
                     .writeOnly())
            .add(BodyField::string(QStringLiteral("ca_pem"))
                     .maxLength(100000)
                     .outOfRange(errors::InvalidValue))
            .add(BodyField::string(QStringLiteral("fingerprint"))
                     .describe(QStringLiteral("SHA-256 of the node certificate")))
            .add(BodyField::boolean(QStringLiteral("enabled")))
            .add(
                BodyField::string(QStringLiteral("mode"))
                    .oneOf({cluster_mode::live, cluster_mode::sandbox}, errors::InvalidValue)
                    .defaultValue(cluster_mode::live)
                    .describe(QStringLiteral("sandbox: mpanel-proxmox-emulator, only on a loopback api_base; "
                                             "live: a real Proxmox VE (Proxmox has no test mode)")));
    return body;
}

const api::RequestBody &ProxmoxClusters::nodeBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody()
            .add(BodyField::string(QStringLiteral("name")).required())
            .add(BodyField::string(QStringLiteral("placement_group"))
                     .defaultValue(QStringLiteral("cloudpods")))
            .add(BodyField::integer(QStringLiteral("cpu_cores")).required(errors::MissingField))
            .add(BodyField::integer(QStringLiteral("ram_mb")).required(errors::MissingField))
            .add(BodyField::integer(QStringLiteral("disk_gb")).required(errors::MissingField))
            .add(BodyField::string(QStringLiteral("storage")).defaultValue(QStringLiteral("local-lvm")));
    return body;
}

const api::RequestBody &ProxmoxClusters::poolBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody()
            .add(BodyField::string(QStringLiteral("cluster_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("node_id")).format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("name")).required())
            .add(BodyField::string(QStringLiteral("first_address")).required().format(QStringLiteral("ipv4")))
            .add(BodyField::string(QStringLiteral("last_address")).required().format(QStringLiteral("ipv4")))
            .add(BodyField::integer(QStringLiteral("prefix_length"))
                     .minimum(8)
                     .maximum(32)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(24))
            .add(BodyField::string(QStringLiteral("gateway")).required().format(QStringLiteral("ipv4")))
            .add(BodyField::string(QStringLiteral("dns_servers"))
                     .maxLength(200)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(QString()));
    return body;
}

Result<QList<QJsonObject>> ProxmoxClusters::list(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM proxmox_clusters ORDER BY name").arg(kClusterColumns));
    if (!q)
        return q.error();
    QList<QJsonObject> out;
    while (q->next())
        out.append(clusterJson(*q));
    return out;
}

Result<QJsonObject> ProxmoxClusters::find(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound(QStringLiteral("cluster"));
    auto q = sql::exec(
        tx.db(), QStringLiteral("SELECT %1 FROM proxmox_clusters WHERE id = ?").arg(kClusterColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("cluster"));
    return clusterJson(*q);
}

Result<QJsonObject> ProxmoxClusters::create(TenantTransaction &tx, const QJsonObject &body,
                                            const QDateTime &now)
{
    ClusterInput in;
    if (auto s = readCluster(body, in, true); !s)
        return s.error();
    auto q = sql::exec(tx.db(), kInsertCluster,
                       {tx.tenantId(), in.name, in.apiBase, in.tokenId, in.tokenSecret, nullIfEmpty(in.caPem),
                        nullIfEmpty(in.fingerprint), in.enabled, now.toUTC(), now.toUTC(), in.mode});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NameTaken, QStringLiteral("a cluster with this name exists"),
                         QStringLiteral("name"));
    return find(tx, q->value(0).toString());
}

Result<QJsonObject> ProxmoxClusters::update(TenantTransaction &tx, const QString &id, const QJsonObject &body,
                                            const QDateTime &now)
{
    if (!isUuid(id))
        return notFound(QStringLiteral("cluster"));
    auto current = sql::exec(tx.db(), kSelectClusterSecret + QStringLiteral(" FOR UPDATE"), {id});
    if (!current)
        return current.error();
    if (!current->next())
        return notFound(QStringLiteral("cluster"));
    ClusterInput in{current->value(0).toString(),
                    current->value(1).toString(),
                    current->value(2).toString(),
                    current->value(3).toString(),
                    current->value(4).toString(),
                    current->value(5).toString(),
                    true};
    auto enabledNow =
        sql::exec(tx.db(), QStringLiteral("SELECT enabled, mode FROM proxmox_clusters WHERE id = ?"), {id});
    if (!enabledNow)
        return enabledNow.error();
    in.enabled = enabledNow->next() && enabledNow->value(0).toBool();
    in.mode = enabledNow->value(1).toString();
    if (auto s = readCluster(body, in, false); !s)
        return s.error();
    auto q = sql::exec(tx.db(), kUpdateCluster,
                       {in.name, in.apiBase, in.tokenId, in.tokenSecret, nullIfEmpty(in.caPem),
                        nullIfEmpty(in.fingerprint), in.enabled, now.toUTC(), in.mode, id});
    if (!q) {
        if (sql::hasSqlState(q.error(), sql::UniqueViolation))
            return makeError(errors::NameTaken, QStringLiteral("a cluster with this name exists"),
                             QStringLiteral("name"));
        return q.error();
    }
    return find(tx, id);
}

void ProxmoxClusters::applyTimings(ProxmoxSettings &s)
{
    bool ok = false;
    if (int v = qEnvironmentVariableIntValue("MPANEL_PROXMOX_TIMEOUT_MS", &ok); ok && v > 0)
        s.timeoutMs = v;
    if (int v = qEnvironmentVariableIntValue("MPANEL_PROXMOX_TASK_POLL_MS", &ok); ok && v > 0)
        s.taskPollIntervalMs = v;
    if (int v = qEnvironmentVariableIntValue("MPANEL_PROXMOX_TASK_TIMEOUT_MS", &ok); ok && v > 0)
        s.taskTimeoutMs = v;
    if (int v = qEnvironmentVariableIntValue("MPANEL_PROXMOX_RETRY_DELAY_MS", &ok); ok && v >= 0)
        s.retryDelayMs = v;
}

Result<ProxmoxSettings> ProxmoxClusters::settings(const QSqlDatabase &db, const QString &clusterId)
{
    auto q = sql::exec(db, kSelectClusterSecret, {clusterId});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("cluster"));
    ProxmoxSettings s;
    s.clusterName = q->value(0).toString();
    s.apiBase = QUrl(q->value(1).toString());
    s.tokenId = q->value(2).toString();
    s.tokenSecret = q->value(3).toString();
    if (!q->value(4).isNull()) {
        auto ca = ProxmoxSettings::parseCaCertificates(q->value(4).toString().toUtf8());
        if (!ca)
            return ca.error();
        s.caCertificates = *ca;
    }
    if (!q->value(5).isNull()) {
        auto fp = ProxmoxSettings::parseFingerprint(q->value(5).toString());
        if (!fp)
            return fp.error();
        s.pinnedSha256 = *fp;
    }
    s.mode = q->value(6).toString() == cloudpods::cluster_mode::sandbox ? ProviderMode::Sandbox
                                                                        : ProviderMode::Live;
    applyTimings(s);
    return s;
}

Result<QStringList> ProxmoxClusters::enabledIds(const QSqlDatabase &db)
{
    auto q = sql::exec(db, kEnabledClusters);
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

Result<QList<QJsonObject>> ProxmoxClusters::nodes(TenantTransaction &tx, const QString &clusterId)
{
    const QVariant cluster =
        clusterId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(clusterId);
    auto q = sql::exec(tx.db(), kNodes, {cluster, cluster});
    if (!q)
        return q.error();
    QList<QJsonObject> out;
    while (q->next()) {
        out.append({{QStringLiteral("id"), q->value(0).toString()},
                    {QStringLiteral("cluster_id"), q->value(1).toString()},
                    {QStringLiteral("cluster"), q->value(2).toString()},
                    {QStringLiteral("name"), q->value(3).toString()},
                    {QStringLiteral("placement_group"), q->value(4).toString()},
                    {QStringLiteral("cpu_cores"), q->value(5).toInt()},
                    {QStringLiteral("ram_mb"), q->value(6).toLongLong()},
                    {QStringLiteral("disk_gb"), q->value(7).toLongLong()},
                    {QStringLiteral("storage"), q->value(8).toString()},
                    {QStringLiteral("enabled"), q->value(9).toBool()},
                    {QStringLiteral("cluster_mode"), q->value(14).toString()},
                    {QStringLiteral("committed"),
                     QJsonObject{{QStringLiteral("cpu_cores"), q->value(10).toLongLong()},
                                 {QStringLiteral("ram_mb"), q->value(11).toLongLong()},
                                 {QStringLiteral("disk_gb"), q->value(12).toLongLong()},
                                 {QStringLiteral("pods"), q->value(13).toLongLong()}}}});
    }
    return out;
}

Result<QJsonObject> ProxmoxClusters::addNode(TenantTransaction &tx, const QString &clusterId,
                                             const QJsonObject &body, const QDateTime &now)
{
    if (!isUuid(clusterId))
        return notFound(QStringLiteral("cluster"));
    auto f = nodeBody().decode(body);
    if (!f)
        return f.error();
    const QString name = f->string(QStringLiteral("name"), QString());
    if (!proxmox::isValidNodeName(name) || name.size() > 63)
        return invalid(QStringLiteral("name"), QStringLiteral("'%1' is not a Proxmox node name").arg(name));
    static const QRegularExpression groupPattern(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    const QString placementGroup = f->string(QStringLiteral("placement_group"), QStringLiteral("cloudpods"));
    if (!groupPattern.match(placementGroup).hasMatch())
        return invalid(QStringLiteral("placement_group"),
                       QStringLiteral("a placement group is 1 to 63 letters, digits, _ . -"));
    const QString storageName = f->string(QStringLiteral("storage"), QStringLiteral("local-lvm"));
    if (!groupPattern.match(storageName).hasMatch())
        return invalid(QStringLiteral("storage"),
                       QStringLiteral("'%1' is not a storage name").arg(storageName));
    qint64 values[3] = {0, 0, 0};
    const QString keys[3] = {QStringLiteral("cpu_cores"), QStringLiteral("ram_mb"),
                             QStringLiteral("disk_gb")};
    const qint64 minimum[3] = {1, 128, 1};
    for (int i = 0; i < 3; ++i) {
        const qint64 v = f->integer(keys[i]).value_or(0);
        if (v < minimum[i] || v > 1073741824)
            return invalid(keys[i], QStringLiteral("%1 is out of range").arg(keys[i]));
        values[i] = v;
    }
    if (values[0] > 100000)
        return invalid(keys[0], QStringLiteral("cpu_cores is out of range"));
    auto q = sql::exec(
        tx.db(), kInsertNode,
        {name, placementGroup, values[0], values[1], values[2], storageName, now.toUTC(), clusterId});
    if (!q)
        return q.error();
    if (!q->next()) {
        auto cluster = find(tx, clusterId);
        if (!cluster)
            return cluster.error();
        return makeError(errors::NameTaken, QStringLiteral("the cluster has a node of this name"),
                         QStringLiteral("name"));
    }
    const QString nodeId = q->value(0).toString();
    auto all = nodes(tx, clusterId);
    if (!all)
        return all.error();
    for (const QJsonObject &n : std::as_const(*all)) {
        if (n.value(QStringLiteral("id")).toString() == nodeId)
            return n;
    }
    return notFound(QStringLiteral("node"));
}

Result<QList<QJsonObject>> ProxmoxClusters::pools(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(), kPools);
    if (!q)
        return q.error();
    QList<QJsonObject> out;
    while (q->next()) {
        out.append({{QStringLiteral("id"), q->value(0).toString()},
                    {QStringLiteral("cluster_id"), q->value(1).toString()},
                    {QStringLiteral("node_id"), q->value(2).isNull() ? QJsonValue() : q->value(2).toString()},
                    {QStringLiteral("name"), q->value(3).toString()},
                    {QStringLiteral("first_address"), q->value(4).toString()},
                    {QStringLiteral("last_address"), q->value(5).toString()},
                    {QStringLiteral("prefix_length"), q->value(6).toInt()},
                    {QStringLiteral("gateway"), q->value(7).toString()},
                    {QStringLiteral("dns_servers"), q->value(8).toString()},
                    {QStringLiteral("addresses"), q->value(9).toLongLong()},
                    {QStringLiteral("allocated"), q->value(10).toLongLong()}});
    }
    return out;
}

Result<QJsonObject> ProxmoxClusters::addPool(TenantTransaction &tx, const QJsonObject &body,
                                             const QDateTime &now)
{
    auto f = poolBody().decode(body);
    if (!f)
        return f.error();
    const QString clusterId = f->string(QStringLiteral("cluster_id"), QString());
    if (!isUuid(clusterId))
        return invalid(QStringLiteral("cluster_id"), QStringLiteral("cluster_id must be a cluster's id"));
    const auto nodeId = f->string(QStringLiteral("node_id"));
    if (nodeId && !isUuid(*nodeId))
        return invalid(QStringLiteral("node_id"), QStringLiteral("node_id must be a node's id"));
    const QString name = f->string(QStringLiteral("name"), QString());
    if (name.trimmed().isEmpty() || name.size() > 100)
        return invalid(QStringLiteral("name"),
                       QStringLiteral("a pool needs a name of at most 100 characters"));
    QHostAddress addresses[3];
    const QString keys[3] = {QStringLiteral("first_address"), QStringLiteral("last_address"),
                             QStringLiteral("gateway")};
    for (int i = 0; i < 3; ++i) {
        const QString v = f->string(keys[i], QString());
        addresses[i] = QHostAddress(v);
        if (addresses[i].isNull() || addresses[i].protocol() != QAbstractSocket::IPv4Protocol)
            return invalid(keys[i], QStringLiteral("'%1' is not an IPv4 address").arg(v));
    }
    if (addresses[1].toIPv4Address() < addresses[0].toIPv4Address())
        return invalid(keys[1], QStringLiteral("last_address comes before first_address"));
    if (addresses[1].toIPv4Address() - addresses[0].toIPv4Address() >= 65536)
        return invalid(keys[1], QStringLiteral("a pool holds at most 65536 addresses"));
    const qint64 prefixLength = f->integer(QStringLiteral("prefix_length")).value_or(24);
    const QString dnsServers = f->string(QStringLiteral("dns_servers"), QString()).trimmed();
    for (const QString &server :
         dnsServers.split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts)) {
        if (QHostAddress(server).isNull())
            return invalid(QStringLiteral("dns_servers"),
                           QStringLiteral("'%1' is not an IP address").arg(server));
    }
    if (dnsServers.size() > 200)
        return invalid(QStringLiteral("dns_servers"), QStringLiteral("dns_servers is too long"));
    if (nodeId) {
        auto n =
            sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM proxmox_nodes WHERE id = ? AND cluster_id = ?"),
                      {*nodeId, clusterId});
        if (!n)
            return n.error();
        if (!n->next())
            return invalid(QStringLiteral("node_id"), QStringLiteral("no such node in that cluster"));
    }
    const QVariant node = nodeId ? QVariant(*nodeId) : QVariant(QMetaType::fromType<QString>());
    auto q = sql::exec(tx.db(), kInsertPool,
                       {clusterId, node, name.trimmed(), addresses[0].toString(), addresses[1].toString(),
                        prefixLength, addresses[2].toString(), dnsServers, now.toUTC()});
    // ip_pools_no_overlap (migration 0023): one address never belongs to two pools of a cluster.
    if (!q && sql::hasSqlState(q.error(), "23P01"))
        return makeError(errors::IpPoolOverlap,
                         QStringLiteral("the range overlaps another IP pool of this cluster"),
                         QStringLiteral("first_address"));
    if (!q)
        return q.error();
    if (!q->next())
        return invalid(QStringLiteral("cluster_id"), QStringLiteral("no such cluster"));
    const QString poolId = q->value(0).toString();
    q = Result<QSqlQuery>(QSqlQuery()); // finish the statement before the next one
    auto all = pools(tx);
    if (!all)
        return all.error();
    for (const QJsonObject &p : std::as_const(*all)) {
        if (p.value(QStringLiteral("id")).toString() == poolId)
            return p;
    }
    return notFound(QStringLiteral("pool"));
}

} // namespace mp::cloudpods
