#pragma once

#include "core/result.h"
#include "proxmox/proxmox_params.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mp::proxmox {

// A container's first network device (net0): "name=eth0,bridge=vmbr0,ip=10.0.0.5/24,gw=10.0.0.1".
struct LxcNetwork {
    QString name = QStringLiteral("eth0");
    QString bridge = QStringLiteral("vmbr0");
    QString ipv4Cidr = QStringLiteral("dhcp"); // "10.0.0.5/24", "dhcp" or "manual"
    QString gateway;                           // with a static address
    int vlanTag = 0;                           // 0: untagged
    std::optional<bool> firewall;

    Result<QString> toPropertyString() const;
};

// POST /nodes/{node}/lxc (proxmox.md section 3). Only what mPanel sets; Proxmox defaults the
// rest (memory 512, swap 512, unprivileged 1 on create).
struct LxcCreateSpec {
    QString node;
    qint64 vmid = 0;
    QString ostemplate; // local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst
    QString hostname;
    int cores = 1;
    int memoryMiB = 512;
    int swapMiB = 512;
    QString rootfsStorage = QStringLiteral("local-lvm");
    int rootfsGiB = 8; // rootfs=STORAGE:SIZE allocates a new volume of SIZE GiB
    LxcNetwork net0;
    QString nameserver;
    QString searchdomain;
    QString password;      // root password, at least 5 characters; never logged
    QString sshPublicKeys; // one per line
    QStringList tags;      // e.g. mpanel, mpanel-pod-<id>
    QString pool;
    QString description;
    bool unprivileged = true; // a privileged container needs Sys.Modify on / and is a risk
    bool nesting = false;     // features nesting=1 (systemd in newer distributions wants it)
    bool onboot = true;
    bool start = false; // mPanel starts it as a separate, watched step

    Result<Params> toParams() const;
};

bool isValidVmid(qint64 vmid); // 100 .. 999999999
bool isValidNodeName(const QString &node);
bool isValidHostname(const QString &hostname); // dns-name

} // namespace mp::proxmox
