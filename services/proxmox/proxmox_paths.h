#pragma once

#include <QString>

namespace mp::proxmox {

enum class GuestType { Lxc, Qemu };

QString guestTypeName(GuestType type); // "lxc" / "qemu", as in paths and cluster resources

// API paths below the base, each variable segment percent-encoded: a UPID carries ':', '!'
// and '@', which must be encoded in the URL (proxmox.md section 3).
QString segment(const QString &value);
QString nodePath(const QString &node);                               // /nodes/pve1
QString guestPath(GuestType type, const QString &node, qint64 vmid); // /nodes/pve1/lxc/101
QString taskPath(const QString &node, const QString &upid);          // /nodes/pve1/tasks/UPID%3A...

} // namespace mp::proxmox
