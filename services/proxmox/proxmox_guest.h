#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mp::proxmox {

// GET /nodes/{node}/{lxc|qemu}/{vmid}/status/current.
struct GuestStatus {
    qint64 vmid = 0;
    QString name;
    QString status; // running / stopped
    QString lock;   // "create", "destroyed", ... while a task holds the guest
    QStringList tags;
    bool isTemplate = false;
    double cpus = 0;
    qint64 maxMem = 0, maxDisk = 0, uptime = 0;
    bool running() const { return status == QLatin1String("running"); }

    static Result<GuestStatus> parse(const QJsonValue &data);
};

struct GuestAddress {
    QString address; // 10.0.0.5
    QString type;    // inet / inet6 (ipv4 / ipv6 from the QEMU agent)
    int prefix = 0;
    bool isIpv4() const { return type == QLatin1String("inet") || type == QLatin1String("ipv4"); }
};

struct GuestInterface {
    QString name; // eth0, lo
    QString hardwareAddress;
    QList<GuestAddress> addresses;
};

// GET /nodes/{node}/lxc/{vmid}/interfaces, whose data is null while the container is stopped
// (proxmox.md section 3), or the `result` list of .../qemu/{vmid}/agent/network-get-interfaces
// (same item shape). Null parses to an empty list.
Result<QList<GuestInterface>> parseGuestInterfaces(const QJsonValue &data);
// The first IPv4 address not on loopback, or empty.
QString firstIpv4(const QList<GuestInterface> &interfaces);

// A network device property string: "name=eth0,bridge=vmbr0,ip=10.0.0.5/24,gw=10.0.0.1".
QMap<QString, QString> parsePropertyString(const QString &text);
// The static address in a net0 / ipconfig0 value without its prefix ("10.0.0.5"); empty for
// dhcp, manual or none.
QString staticIpv4FromNetSpec(const QString &netSpec);

} // namespace mp::proxmox
