#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace mp::proxmox {

// GET /nodes/{node}/status: a node's health and capacity (proxmox.md section 3; loadavg
// entries are strings).
struct NodeStatus {
    int cpus = 0; // logical threads
    double cpu = 0;
    qint64 memTotal = 0, memUsed = 0, memFree = 0, memAvailable = 0;
    qint64 rootTotal = 0, rootUsed = 0, rootAvail = 0;
    QStringList loadAvg;
    QString pveVersion;
    qint64 uptime = 0;

    static Result<NodeStatus> parse(const QJsonValue &data);
};

// GET /nodes/{node}/storage/{storage}/content?content=vztmpl: the container templates.
struct StorageVolume {
    QString volid; // local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst
    QString format;
    qint64 size = 0;
    qint64 ctime = 0;
    QString content; // vztmpl, images, ...
};
Result<QList<StorageVolume>> parseStorageContent(const QJsonValue &data);

} // namespace mp::proxmox
