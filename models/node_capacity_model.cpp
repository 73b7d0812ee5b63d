#include "node_capacity_model.h"

#include "cloudpods/proxmox_clusters.h"
#include "console_session/staff_transaction.h"
#include "model_roles.h"

#include <QColor>
#include <QJsonObject>
#include <QLocale>

namespace mp {

namespace {

NodeCapacity nodeFrom(const QJsonObject &o)
{
    const QJsonObject used = o.value(QStringLiteral("committed")).toObject();
    NodeCapacity n;
    n.id = o.value(QStringLiteral("id")).toString();
    n.cluster = o.value(QStringLiteral("cluster")).toString();
    n.name = o.value(QStringLiteral("name")).toString();
    n.placementGroup = o.value(QStringLiteral("placement_group")).toString();
    n.clusterMode = o.value(QStringLiteral("cluster_mode")).toString();
    n.enabled = o.value(QStringLiteral("enabled")).toBool();
    n.cores = o.value(QStringLiteral("cpu_cores")).toInteger();
    n.ramMb = o.value(QStringLiteral("ram_mb")).toInteger();
    n.diskGb = o.value(QStringLiteral("disk_gb")).toInteger();
    n.coresUsed = used.value(QStringLiteral("cpu_cores")).toInteger();
    n.ramMbUsed = used.value(QStringLiteral("ram_mb")).toInteger();
    n.diskGbUsed = used.value(QStringLiteral("disk_gb")).toInteger();
    n.pods = used.value(QStringLiteral("pods")).toInteger();
    return n;
}

QString gb(qint64 mb)
{
    return QLocale().toString(double(mb) / 1024.0, 'f', mb % 1024 == 0 ? 0 : 1);
}

} // namespace

int NodeCapacityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int NodeCapacityModel::percent(const NodeCapacity &n, Column column)
{
    const auto share = [](qint64 used, qint64 total) { return total > 0 ? int(used * 100 / total) : 0; };
    switch (column) {
    case Cores:
        return share(n.coresUsed, n.cores);
    case Ram:
        return share(n.ramMbUsed, n.ramMb);
    case Disk:
        return share(n.diskGbUsed, n.diskGb);
    default:
        return 0;
    }
}

QVariant NodeCapacityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeCapacity &n = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return n.id;
    if (role == Qt::TextAlignmentRole && column >= Pods)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column >= Cores && percent(n, column) >= 90)
        return QVariant::fromValue(QColor(0xb0, 0x20, 0x20));
    if (role == Qt::ForegroundRole && column == Node && !n.enabled)
        return QVariant::fromValue(QColor(0x80, 0x80, 0x80));
    const bool sandbox = n.clusterMode == QLatin1String("sandbox");
    if (role == Qt::BackgroundRole && column == Mode && sandbox)
        return QVariant::fromValue(QColor(0xf6, 0xd7, 0x7a));
    if (role == Qt::ToolTipRole && column == Mode)
        return sandbox ? tr("Cluster %1 is mpanel-proxmox-emulator: no real machines").arg(n.cluster)
                       : tr("Cluster %1 is a Proxmox VE: real guests").arg(n.cluster);
    if (role != Qt::DisplayRole)
        return {};
    const auto ratio = [&](const QString &used, const QString &total) {
        return tr("%1 / %2 (%3%)").arg(used, total).arg(percent(n, column));
    };
    const auto gbRatio = [&](const QString &used, const QString &total) {
        return tr("%1 / %2 GB (%3%)").arg(used, total).arg(percent(n, column));
    };
    switch (column) {
    case Node:
        return n.enabled ? QStringLiteral("%1 / %2").arg(n.cluster, n.name)
                         : tr("%1 / %2 (disabled)").arg(n.cluster, n.name);
    case Mode:
        return sandbox ? tr("sandbox (emulator)") : n.clusterMode;
    case Group:
        return n.placementGroup;
    case Pods:
        return n.pods;
    case Cores:
        return ratio(QString::number(n.coresUsed), QString::number(n.cores));
    case Ram:
        return gbRatio(gb(n.ramMbUsed), gb(n.ramMb));
    case Disk:
        return gbRatio(QString::number(n.diskGbUsed), QString::number(n.diskGb));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NodeCapacityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Node:
        return tr("Cluster / node");
    case Mode:
        return tr("Cluster mode");
    case Group:
        return tr("Placement group");
    case Pods:
        return tr("Pods");
    case Cores:
        return tr("Cores committed");
    case Ram:
        return tr("RAM committed");
    case Disk:
        return tr("Disk committed");
    case ColumnCount:
        break;
    }
    return {};
}

NodeCapacityModel::Fetch NodeCapacityModel::fetcher() const
{
    // A tenant has a handful of nodes: one query, no paging.
    return [](StaffSession &session, const QString &, int) -> Result<Page> {
        return inStaffTransaction(session, [](TenantTransaction &tx) -> Result<Page> {
            auto nodes = cloudpods::ProxmoxClusters::nodes(tx);
            if (!nodes)
                return nodes.error();
            Page page;
            for (const QJsonObject &o : std::as_const(*nodes))
                page.rows.append(nodeFrom(o));
            return page;
        });
    };
}

} // namespace mp
