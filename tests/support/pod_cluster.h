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

struct PodCluster {
    QString id;            // empty when a call failed
    int poolAddresses = 0; // what the API counted in the pool
    QString failure;       // which call answered what, when one failed
};

PodCluster registerPodCluster(ServiceFixture &api, const QString &staffToken, const ProxmoxEmulator &pve,
                              const PodNodeSize &node = {});

} // namespace mp::test
