#pragma once

#include <QDateTime>
#include <QString>

namespace mp::catalog {

// What a CloudPod product provisions on Proxmox: the size, the network, where the guest comes
// from (an LXC ostemplate, or a QEMU template VM to clone) and where it is placed.
struct CloudPodTemplate {
    QString id;
    QString name;
    int cpuCores = 1;
    int ramMb = 1024;
    int diskGb = 20;
    QString networkBridge = QStringLiteral("vmbr0");
    int networkVlan = 0;                       // 0: untagged
    int networkRateMbps = 0;                   // 0: unlimited
    QString guestKind = QStringLiteral("lxc"); // "lxc" or "qemu"
    QString ostemplate;                        // lxc: "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"
    int vmTemplateId = 0;                      // qemu: the VMID to clone
    QString placementKind = QStringLiteral("pool"); // "node" or "pool"
    QString placementTarget;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace mp::catalog
