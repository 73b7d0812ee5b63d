#include "support/pod_cluster.h"

#include "emulators/proxmox_emulator.h"
#include "support/service_fixture.h"

namespace mp::test {

namespace {

QString failed(const char *what, const HttpResult &r)
{
    return QStringLiteral("%1 answered %2: %3")
        .arg(QLatin1String(what))
        .arg(r.status)
        .arg(QString::fromUtf8(r.body));
}

} // namespace

PodCluster registerPodCluster(ServiceFixture &api, const QString &staffToken, const ProxmoxEmulator &pve,
                              const PodNodeSize &node, const PodPool &pool)
{
    PodCluster cluster;
    auto r =
        api.call("POST", QStringLiteral("/api/proxmox/clusters"), staffToken,
                 {{QStringLiteral("name"), QStringLiteral("fra1")},
                  {QStringLiteral("api_base"), pve.apiBase().toString()},
                  {QStringLiteral("token_id"), pve.tokenId()},
                  {QStringLiteral("token_secret"), pve.tokenSecret()},
                  {QStringLiteral("ca_pem"), QString::fromLatin1(ProxmoxEmulator::caCertificate().toPem())}});
    if (r.status != 201) {
        cluster.failure = failed("POST /api/proxmox/clusters", r);
        return cluster;
    }
    const QString id = r.json().value(QStringLiteral("id")).toString();
    r = api.call("POST", QStringLiteral("/api/proxmox/clusters/%1/nodes").arg(id), staffToken,
                 {{QStringLiteral("name"), QStringLiteral("pve1")},
                  {QStringLiteral("cpu_cores"), node.cpuCores},
                  {QStringLiteral("ram_mb"), node.ramMb},
                  {QStringLiteral("disk_gb"), node.diskGb}});
    if (r.status != 201) {
        cluster.failure = failed("POST /api/proxmox/clusters/{id}/nodes", r);
        return cluster;
    }
    r = api.call("POST", QStringLiteral("/api/ip-pools"), staffToken,
                 {{QStringLiteral("cluster_id"), id},
                  {QStringLiteral("name"), QStringLiteral("fra1 public")},
                  {QStringLiteral("first_address"), pool.first},
                  {QStringLiteral("last_address"), pool.last},
                  {QStringLiteral("prefix_length"), 24},
                  {QStringLiteral("gateway"), pool.gateway},
                  {QStringLiteral("dns_servers"), pool.dns}});
    if (r.status != 201) {
        cluster.failure = failed("POST /api/ip-pools", r);
        return cluster;
    }
    cluster.id = id;
    cluster.poolAddresses = r.json().value(QStringLiteral("addresses")).toInt();
    return cluster;
}

} // namespace mp::test
