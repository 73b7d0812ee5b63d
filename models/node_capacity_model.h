#pragma once

#include "lazy_table_model.h"

namespace mp {

// One Proxmox node: what it has and what the pods placed on it commit.
struct NodeCapacity {
    QString id;
    QString cluster, name, placementGroup;
    QString clusterMode; // "live" or "sandbox" (the Proxmox emulator), as the services record it
    bool enabled = true;
    qint64 cores = 0, ramMb = 0, diskGb = 0;
    qint64 coresUsed = 0, ramMbUsed = 0, diskGbUsed = 0;
    qint64 pods = 0;
};

// Every node of the tenant's clusters with committed vs capacity (cores, RAM, disk), live
// through the node allocations' change channel (migration 0012).
class NodeCapacityModel : public LazyTableModel<NodeCapacity> {
    Q_OBJECT
public:
    enum Column { Node, Mode, Group, Pods, Cores, Ram, Disk, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Committed share of capacity, 0..100 (more when overcommitted), for `column` in Cores..Disk.
    static int percent(const NodeCapacity &node, Column column);

protected:
    Fetch fetcher() const override;
};

} // namespace mp
