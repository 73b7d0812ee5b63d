#include "proxmox/proxmox_node_status.h"

#include "proxmox/proxmox_errors.h"
#include "proxmox/proxmox_json.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mp::proxmox {

Result<NodeStatus> NodeStatus::parse(const QJsonValue &data)
{
    if (!data.isObject())
        return makeError(errors::ProxmoxInvalidResponse, QStringLiteral("the node status is not an object"));
    const QJsonObject o = data.toObject();
    NodeStatus s;
    const QJsonObject cpuinfo = o.value(QLatin1String("cpuinfo")).toObject();
    s.cpus = int(toInt64(cpuinfo.value(QLatin1String("cpus"))));
    s.cpu = toDouble(o.value(QLatin1String("cpu")));
    const QJsonObject memory = o.value(QLatin1String("memory")).toObject();
    s.memTotal = toInt64(memory.value(QLatin1String("total")));
    s.memUsed = toInt64(memory.value(QLatin1String("used")));
    s.memFree = toInt64(memory.value(QLatin1String("free")));
    s.memAvailable = toInt64(memory.value(QLatin1String("available")), s.memFree);
    const QJsonObject rootfs = o.value(QLatin1String("rootfs")).toObject();
    s.rootTotal = toInt64(rootfs.value(QLatin1String("total")));
    s.rootUsed = toInt64(rootfs.value(QLatin1String("used")));
    s.rootAvail = toInt64(rootfs.value(QLatin1String("avail")));
    const QJsonArray load = o.value(QLatin1String("loadavg")).toArray();
    for (const QJsonValue &v : load)
        s.loadAvg.append(v.isString() ? v.toString() : QString::number(v.toDouble()));
    s.pveVersion = o.value(QLatin1String("pveversion")).toString();
    s.uptime = toInt64(o.value(QLatin1String("uptime")));
    return s;
}

Result<QList<StorageVolume>> parseStorageContent(const QJsonValue &data)
{
    if (!data.isArray())
        return makeError(errors::ProxmoxInvalidResponse,
                         QStringLiteral("the storage content answer is not a list"));
    QList<StorageVolume> volumes;
    const QJsonArray items = data.toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        StorageVolume v;
        v.volid = o.value(QLatin1String("volid")).toString();
        v.format = o.value(QLatin1String("format")).toString();
        v.size = toInt64(o.value(QLatin1String("size")));
        v.ctime = toInt64(o.value(QLatin1String("ctime")));
        v.content = o.value(QLatin1String("content")).toString();
        if (!v.volid.isEmpty())
            volumes.append(v);
    }
    return volumes;
}

} // namespace mp::proxmox
