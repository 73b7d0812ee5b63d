#pragma once

// The Proxmox emulator registered through the staff API, as staff set up a cluster before the
// first CloudPod is sold: cluster "fra1", node "pve1" and the public pool 10.20.0.10–10.20.0.40/24
// with gateway 10.20.0.1.

#include <QString>

namespace mp::test {

class ProxmoxEmulator;
class ServiceFixture;

struct PodNodeSize {
    int cpuCores = 16;
    int ramMb = 65536;
    int diskGb = 400;
};

// The pool's addresses (the provisioning-script test puts its guests on loopback).
struct PodPool {
    QString first = QStringLiteral("10.20.0.10");
    QString last = QStringLiteral("10.20.0.40");
    QString gateway = QStringLiteral("10.20.0.1");
    QString dns = QStringLiteral("10.20.0.2");
};

struct PodCluster {
    QString id;            // empty when a call failed
    int poolAddresses = 0; // what the API counted in the pool
    QString failure;       // which call answered what, when one failed
};

PodCluster registerPodCluster(ServiceFixture &api, const QString &staffToken, const ProxmoxEmulator &pve,
                              const PodNodeSize &node = {}, const PodPool &pool = {});

} // namespace mp::test
