#include "cloudpod_template_model.h"

#include "catalog/cloudpod_templates.h"
#include "console_session/staff_transaction.h"
#include "model_roles.h"

namespace mp {

using catalog::CloudPodTemplate;
using catalog::CloudPodTemplates;

int CloudPodTemplateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CloudPodTemplateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CloudPodTemplate &t = rowAt(index.row());
    if (role == IdRole)
        return t.id;
    if (role == Qt::TextAlignmentRole && index.column() >= Cpu && index.column() <= Disk)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return t.name;
    case Cpu:
        return tr("%n core(s)", nullptr, t.cpuCores);
    case Ram:
        return tr("%1 GB").arg(QString::number(double(t.ramMb) / 1024.0, 'g', 3));
    case Disk:
        return tr("%1 GB").arg(t.diskGb);
    case Network: {
        QString text = t.networkBridge;
        if (t.networkVlan > 0)
            text += tr(", VLAN %1").arg(t.networkVlan);
        text += t.networkRateMbps > 0 ? tr(", %1 Mbit/s").arg(t.networkRateMbps) : tr(", unlimited");
        return text;
    }
    case Source:
        return t.guestKind == QLatin1String("lxc") ? tr("LXC %1").arg(t.ostemplate.section(u'/', -1))
                                                   : tr("QEMU clone of %1").arg(t.vmTemplateId);
    case Placement:
        return t.placementKind == QLatin1String("node") ? tr("node %1").arg(t.placementTarget)
                                                        : tr("pool %1").arg(t.placementTarget);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CloudPodTemplateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Template");
    case Cpu:
        return tr("CPU");
    case Ram:
        return tr("RAM");
    case Disk:
        return tr("Disk");
    case Network:
        return tr("Network");
    case Source:
        return tr("Guest");
    case Placement:
        return tr("Placement");
    case ColumnCount:
        break;
    }
    return {};
}

CloudPodTemplateModel::Fetch CloudPodTemplateModel::fetcher() const
{
    return [](StaffSession &session, const QString &, int) -> Result<Page> {
        return inStaffTransaction(session, [](TenantTransaction &tx) -> Result<Page> {
            auto list = CloudPodTemplates::list(tx);
            if (!list)
                return list.error();
            return Page{*list, {}};
        });
    };
}

} // namespace mp
