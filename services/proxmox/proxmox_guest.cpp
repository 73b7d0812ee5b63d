#include "proxmox/proxmox_guest.h"

#include "proxmox/proxmox_errors.h"
#include "proxmox/proxmox_json.h"
#include "proxmox/proxmox_params.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

namespace mp::proxmox {

Result<GuestStatus> GuestStatus::parse(const QJsonValue &data)
{
    if (!data.isObject())
        return makeError(errors::ProxmoxInvalidResponse, QStringLiteral("the guest status is not an object"));
    const QJsonObject o = data.toObject();
    GuestStatus s;
    s.vmid = toInt64(o.value(QLatin1String("vmid")));
    s.name = o.value(QLatin1String("name")).toString();
    s.status = o.value(QLatin1String("status")).toString();
    s.lock = o.value(QLatin1String("lock")).toString();
    s.tags = splitTags(o.value(QLatin1String("tags")).toString());
    s.isTemplate = toBool(o.value(QLatin1String("template")));
    s.cpus = toDouble(o.value(QLatin1String("cpus")));
    s.maxMem = toInt64(o.value(QLatin1String("maxmem")));
    s.maxDisk = toInt64(o.value(QLatin1String("maxdisk")));
    s.uptime = toInt64(o.value(QLatin1String("uptime")));
    return s;
}

Result<QList<GuestInterface>> parseGuestInterfaces(const QJsonValue &data)
{
    QJsonValue list = data;
    if (list.isObject()) // the QEMU agent wraps its list in {"result": [...]}
        list = list.toObject().value(QLatin1String("result"));
    if (list.isNull() || list.isUndefined())
        return QList<GuestInterface>();
    if (!list.isArray())
        return makeError(errors::ProxmoxInvalidResponse, QStringLiteral("the interface list is not a list"));
    QList<GuestInterface> interfaces;
    const QJsonArray items = list.toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        GuestInterface i;
        i.name = o.value(QLatin1String("name")).toString();
        i.hardwareAddress = o.value(QLatin1String("hardware-address")).toString();
        if (i.hardwareAddress.isEmpty())
            i.hardwareAddress = o.value(QLatin1String("hwaddr")).toString();
        const QJsonArray addresses = o.value(QLatin1String("ip-addresses")).toArray();
        for (const QJsonValue &a : addresses) {
            const QJsonObject ao = a.toObject();
            i.addresses.append(GuestAddress{ao.value(QLatin1String("ip-address")).toString(),
                                            ao.value(QLatin1String("ip-address-type")).toString(),
                                            int(toInt64(ao.value(QLatin1String("prefix"))))});
        }
        // `inet` is the legacy single-address key ("remove on next major release").
        if (i.addresses.isEmpty()) {
            const QString inet = o.value(QLatin1String("inet")).toString();
            if (!inet.isEmpty()) {
                const qsizetype slash = inet.indexOf(u'/');
                i.addresses.append(GuestAddress{inet.left(slash < 0 ? inet.size() : slash),
                                                QStringLiteral("inet"),
                                                slash < 0 ? 32 : inet.mid(slash + 1).toInt()});
            }
        }
        interfaces.append(i);
    }
    return interfaces;
}

QString firstIpv4(const QList<GuestInterface> &interfaces)
{
    for (const GuestInterface &i : interfaces) {
        for (const GuestAddress &a : i.addresses) {
            const QHostAddress host(a.address);
            if (a.isIpv4() && !host.isNull() && !host.isLoopback())
                return a.address;
        }
    }
    return {};
}

QMap<QString, QString> parsePropertyString(const QString &text)
{
    QMap<QString, QString> properties;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq > 0)
            properties.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    return properties;
}

QString staticIpv4FromNetSpec(const QString &netSpec)
{
    const QString ip = parsePropertyString(netSpec).value(QStringLiteral("ip"));
    const QString address = ip.section(u'/', 0, 0);
    const QHostAddress host(address);
    if (host.isNull() || host.protocol() != QAbstractSocket::IPv4Protocol)
        return {};
    return address;
}

} // namespace mp::proxmox
