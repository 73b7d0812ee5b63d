#pragma once

#include "catalog/cloudpod_template.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's CloudPod templates: a handful of rows, read in one query.
class CloudPodTemplateModel : public LazyTableModel<catalog::CloudPodTemplate> {
    Q_OBJECT
public:
    enum Column { Name, Cpu, Ram, Disk, Network, Source, Placement, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Fetch fetcher() const override;
};

} // namespace mp
