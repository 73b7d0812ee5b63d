#include "proxmox/proxmox_lxc_spec.h"

#include "proxmox/proxmox_errors.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace mp::proxmox {

static Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::ProxmoxInvalidRequest, message, field);
}

bool isValidVmid(qint64 vmid)
{
    return vmid >= 100 && vmid <= 999999999;
}

bool isValidNodeName(const QString &node)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?$"));
    return pattern.match(node).hasMatch();
}

bool isValidHostname(const QString &hostname)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?$"));
    return hostname.size() <= 255 && pattern.match(hostname).hasMatch();
}

static bool isSimpleValue(const QString &value)
{
    // Property strings are split at ',' and '='.
    return !value.contains(u',') && !value.contains(u'=') && !value.contains(u'\n');
}

Result<QString> LxcNetwork::toPropertyString() const
{
    if (name.isEmpty() || !isSimpleValue(name) || bridge.isEmpty() || !isSimpleValue(bridge))
        return invalid(QStringLiteral("net0"), QStringLiteral("a network device needs a name and a bridge"));
    QString ip = ipv4Cidr;
    if (ip != QLatin1String("dhcp") && ip != QLatin1String("manual")) {
        const auto [address, prefix] = QHostAddress::parseSubnet(ip);
        if (address.isNull() || address.protocol() != QAbstractSocket::IPv4Protocol || !ip.contains(u'/'))
            return invalid(
                QStringLiteral("net0"),
                QStringLiteral("'%1' is not an IPv4 address in CIDR form (10.0.0.5/24) or dhcp").arg(ip));
        Q_UNUSED(prefix);
    }
    QString spec = QStringLiteral("name=%1,bridge=%2").arg(name, bridge);
    if (firewall)
        spec += QStringLiteral(",firewall=%1").arg(*firewall ? 1 : 0);
    if (!gateway.isEmpty()) {
        const QHostAddress gw(gateway);
        if (gw.isNull() || gw.protocol() != QAbstractSocket::IPv4Protocol)
            return invalid(QStringLiteral("net0"),
                           QStringLiteral("'%1' is not an IPv4 gateway").arg(gateway));
        spec += QStringLiteral(",gw=") + gateway;
    }
    spec += QStringLiteral(",ip=") + ip;
    if (vlanTag != 0) {
        if (vlanTag < 1 || vlanTag > 4094)
            return invalid(QStringLiteral("net0"), QStringLiteral("a VLAN tag is 1 to 4094"));
        spec += QStringLiteral(",tag=%1").arg(vlanTag);
    }
    spec += QStringLiteral(",type=veth");
    return spec;
}

Result<Params> LxcCreateSpec::toParams() const
{
    if (!isValidNodeName(node))
        return invalid(QStringLiteral("node"), QStringLiteral("'%1' is not a Proxmox node name").arg(node));
    if (!isValidVmid(vmid))
        return invalid(QStringLiteral("vmid"),
                       QStringLiteral("a VMID is 100 to 999999999, got %1").arg(vmid));
    if (ostemplate.isEmpty() || ostemplate.size() > 255)
        return invalid(QStringLiteral("ostemplate"), QStringLiteral("an OS template volume id is required"));
    if (!hostname.isEmpty() && !isValidHostname(hostname))
        return invalid(QStringLiteral("hostname"),
                       QStringLiteral("'%1' is not a valid host name").arg(hostname));
    if (cores < 1 || cores > 8192)
        return invalid(QStringLiteral("cores"), QStringLiteral("cores must be 1 to 8192"));
    if (memoryMiB < 16)
        return invalid(QStringLiteral("memory"), QStringLiteral("memory must be at least 16 MiB"));
    if (swapMiB < 0)
        return invalid(QStringLiteral("swap"), QStringLiteral("swap cannot be negative"));
    if (rootfsStorage.isEmpty() || !isSimpleValue(rootfsStorage) || rootfsStorage.contains(u':') ||
        rootfsGiB < 1)
        return invalid(QStringLiteral("rootfs"),
                       QStringLiteral("the root disk needs a storage and a size of 1 GiB or more"));
    if (!password.isEmpty() && password.size() < 5)
        return invalid(QStringLiteral("password"),
                       QStringLiteral("the root password needs at least 5 characters"));
    auto net = net0.toPropertyString();
    if (!net)
        return net.error();
    auto joinedTags = joinTags(tags);
    if (!joinedTags)
        return joinedTags.error();

    Params p;
    p.add(QStringLiteral("vmid"), vmid);
    p.add(QStringLiteral("ostemplate"), ostemplate);
    p.addIfSet(QStringLiteral("hostname"), hostname);
    p.add(QStringLiteral("cores"), cores);
    p.add(QStringLiteral("memory"), memoryMiB);
    p.add(QStringLiteral("swap"), swapMiB);
    // STORAGE:SIZE_GiB allocates a new volume (proxmox.md section 3, pct docs).
    p.add(QStringLiteral("rootfs"), QStringLiteral("%1:%2").arg(rootfsStorage).arg(rootfsGiB));
    p.add(QStringLiteral("net0"), net.value());
    p.addIfSet(QStringLiteral("nameserver"), nameserver);
    p.addIfSet(QStringLiteral("searchdomain"), searchdomain);
    p.addIfSet(QStringLiteral("password"), password);
    p.addIfSet(QStringLiteral("ssh-public-keys"), sshPublicKeys);
    p.addIfSet(QStringLiteral("tags"), joinedTags.value());
    p.addIfSet(QStringLiteral("pool"), pool);
    p.addIfSet(QStringLiteral("description"), description);
    p.addBool(QStringLiteral("unprivileged"), unprivileged);
    if (nesting)
        p.add(QStringLiteral("features"), QStringLiteral("nesting=1"));
    p.addBool(QStringLiteral("onboot"), onboot);
    p.addBool(QStringLiteral("start"), start);
    return p;
}

} // namespace mp::proxmox
