#include "cloudpods/proxmox_provider.h"

#include "cloudpods/cluster_mode.h"
#include "cloudpods/proxmox_clusters.h"

#include <QCoreApplication>

namespace mp::cloudpods {

namespace {

ProviderStatus clusterStatus(const QJsonObject &cluster)
{
    ProviderStatus s;
    s.provider = QStringLiteral("proxmox");
    s.id = cluster.value(QStringLiteral("id")).toString();
    s.name = cluster.value(QStringLiteral("name")).toString();
    s.mode = cluster.value(QStringLiteral("mode")).toString();
    s.endpoint = cluster.value(QStringLiteral("api_base")).toString();
    s.enabled = cluster.value(QStringLiteral("enabled")).toBool();
    s.detail = s.mode == cluster_mode::sandbox ? QStringLiteral("Proxmox VE emulator: no real machines")
                                               : QStringLiteral("a Proxmox VE cluster: real guests");
    return s;
}

} // namespace

ProviderSource proxmoxProviderSource()
{
    ProviderSource source;
    source.key = QStringLiteral("proxmox");
    source.label = QStringLiteral("Proxmox");
    source.single = false;
    source.listKey = QStringLiteral("clusters");
    source.itemNoun = QString::fromUtf8(QT_TRANSLATE_NOOP("mp::ProviderSources", "cluster"));
    source.read = [](TenantTransaction &tx, const Config &) -> Result<QList<ProviderStatus>> {
        auto clusters = ProxmoxClusters::list(tx);
        if (!clusters)
            return clusters.error();
        QList<ProviderStatus> statuses;
        for (const QJsonObject &cluster : std::as_const(*clusters))
            statuses.append(clusterStatus(cluster));
        return statuses;
    };
    return source;
}

} // namespace mp::cloudpods
