#include "proxmox/proxmox_resources.h"

#include "proxmox/proxmox_errors.h"
#include "proxmox/proxmox_json.h"
#include "proxmox/proxmox_params.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mp::proxmox {

static Error notAList(const QString &what)
{
    return makeError(errors::ProxmoxInvalidResponse,
                     QStringLiteral("the cluster resources answer for %1 is not a list").arg(what));
}

bool GuestResource::hasTag(const QString &tag) const
{
    // Proxmox compares tags case-sensitively but mPanel writes them lower-case.
    for (const QString &t : tags) {
        if (t.compare(tag, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Result<QList<ClusterNode>> parseClusterNodes(const QJsonValue &data)
{
    if (!data.isArray())
        return notAList(QStringLiteral("nodes"));
    QList<ClusterNode> nodes;
    const QJsonArray items = data.toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("type")).toString() != QLatin1String("node"))
            continue;
        ClusterNode n;
        n.name = o.value(QLatin1String("node")).toString();
        n.status = o.value(QLatin1String("status")).toString();
        n.cpu = toDouble(o.value(QLatin1String("cpu")));
        n.maxCpu = int(toInt64(o.value(QLatin1String("maxcpu"))));
        n.mem = toInt64(o.value(QLatin1String("mem")));
        n.maxMem = toInt64(o.value(QLatin1String("maxmem")));
        n.disk = toInt64(o.value(QLatin1String("disk")));
        n.maxDisk = toInt64(o.value(QLatin1String("maxdisk")));
        n.uptime = toInt64(o.value(QLatin1String("uptime")));
        nodes.append(n);
    }
    return nodes;
}

Result<QList<ClusterStorage>> parseClusterStorages(const QJsonValue &data)
{
    if (!data.isArray())
        return notAList(QStringLiteral("storages"));
    QList<ClusterStorage> storages;
    const QJsonArray items = data.toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("type")).toString() != QLatin1String("storage"))
            continue;
        ClusterStorage s;
        s.storage = o.value(QLatin1String("storage")).toString();
        s.node = o.value(QLatin1String("node")).toString();
        s.status = o.value(QLatin1String("status")).toString();
        s.content = o.value(QLatin1String("content")).toString().split(u',', Qt::SkipEmptyParts);
        s.pluginType = o.value(QLatin1String("plugintype")).toString();
        s.shared = toBool(o.value(QLatin1String("shared")));
        s.disk = toInt64(o.value(QLatin1String("disk")));
        s.maxDisk = toInt64(o.value(QLatin1String("maxdisk")));
        storages.append(s);
    }
    return storages;
}

Result<QList<GuestResource>> parseGuestResources(const QJsonValue &data)
{
    if (!data.isArray())
        return notAList(QStringLiteral("guests"));
    QList<GuestResource> guests;
    const QJsonArray items = data.toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        const QString type = o.value(QLatin1String("type")).toString();
        // type=vm returns both kinds (proxmox.md section 3).
        if (type != QLatin1String("lxc") && type != QLatin1String("qemu"))
            continue;
        GuestResource g;
        g.id = o.value(QLatin1String("id")).toString();
        g.type = type;
        g.vmid = toInt64(o.value(QLatin1String("vmid")));
        g.node = o.value(QLatin1String("node")).toString();
        g.name = o.value(QLatin1String("name")).toString();
        g.status = o.value(QLatin1String("status")).toString();
        g.lock = o.value(QLatin1String("lock")).toString();
        g.tags = splitTags(o.value(QLatin1String("tags")).toString());
        g.isTemplate = toBool(o.value(QLatin1String("template")));
        g.maxCpu = toDouble(o.value(QLatin1String("maxcpu")));
        g.maxMem = toInt64(o.value(QLatin1String("maxmem")));
        g.maxDisk = toInt64(o.value(QLatin1String("maxdisk")));
        guests.append(g);
    }
    return guests;
}

QList<GuestResource> guestsTagged(const QList<GuestResource> &guests, const QString &tag)
{
    QList<GuestResource> tagged;
    for (const GuestResource &g : guests) {
        if (g.hasTag(tag))
            tagged.append(g);
    }
    return tagged;
}

Result<qint64> parseNextVmid(const QJsonValue &data)
{
    const qint64 vmid = toInt64(data, -1);
    if (vmid < 100 || vmid > 999999999)
        return makeError(errors::ProxmoxInvalidResponse,
                         QStringLiteral("/cluster/nextid did not answer a VMID (100 to 999999999)"));
    return vmid;
}

} // namespace mp::proxmox
