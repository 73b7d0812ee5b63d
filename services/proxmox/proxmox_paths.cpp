#include "proxmox/proxmox_paths.h"

#include <QUrl>

namespace mp::proxmox {

QString guestTypeName(GuestType type)
{
    switch (type) {
    case GuestType::Lxc:
        return QStringLiteral("lxc");
    case GuestType::Qemu:
        return QStringLiteral("qemu");
    }
    return QStringLiteral("lxc");
}

QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString nodePath(const QString &node)
{
    return QStringLiteral("/nodes/") + segment(node);
}

QString guestPath(GuestType type, const QString &node, qint64 vmid)
{
    return nodePath(node) + u'/' + guestTypeName(type) + u'/' + QString::number(vmid);
}

QString taskPath(const QString &node, const QString &upid)
{
    return nodePath(node) + QStringLiteral("/tasks/") + segment(upid);
}

} // namespace mp::proxmox
