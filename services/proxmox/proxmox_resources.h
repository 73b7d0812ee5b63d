#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace mp::proxmox {

// Entries of GET /cluster/resources (proxmox.md section 3). One call lists every node, storage
// or guest of the cluster, which is how mPanel sees capacity and finds guests it tagged.

struct ClusterNode { // type=node
    QString name;
    QString status; // online / offline / unknown
    double cpu = 0; // utilisation, 0..1
    int maxCpu = 0;
    qint64 mem = 0, maxMem = 0;   // bytes
    qint64 disk = 0, maxDisk = 0; // bytes (root file system)
    qint64 uptime = 0;
    bool online() const { return status == QLatin1String("online"); }
};

struct ClusterStorage { // type=storage
    QString storage;
    QString node;
    QString status;      // available / ...
    QStringList content; // images, rootdir, vztmpl, iso, backup, ...
    QString pluginType;  // lvmthin, dir, zfspool, ...
    bool shared = false;
    qint64 disk = 0, maxDisk = 0;
    bool holds(const QString &contentType) const { return content.contains(contentType); }
};

struct GuestResource { // type=vm: both qemu and lxc entries
    QString id;        // "lxc/101"
    QString type;      // "lxc" or "qemu"
    qint64 vmid = 0;
    QString node;
    QString name;
    QString status; // running / stopped
    QString lock;
    QStringList tags;
    bool isTemplate = false;
    double maxCpu = 0;
    qint64 maxMem = 0, maxDisk = 0;
    bool hasTag(const QString &tag) const;
};

Result<QList<ClusterNode>> parseClusterNodes(const QJsonValue &data);
Result<QList<ClusterStorage>> parseClusterStorages(const QJsonValue &data);
Result<QList<GuestResource>> parseGuestResources(const QJsonValue &data);
// The guests carrying `tag`, e.g. the pod tag mPanel set at creation.
QList<GuestResource> guestsTagged(const QList<GuestResource> &guests, const QString &tag);

// The next free VMID from GET /cluster/nextid: a string on the wire, an integer in the schema.
Result<qint64> parseNextVmid(const QJsonValue &data);

} // namespace mp::proxmox
