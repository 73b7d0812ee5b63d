#pragma once

#include "cloudpods/cloudpod_findings.h"
#include "lazy_table_model.h"

namespace mp {

// What reconciliation found, newest first: open findings only, or all with the resolved ones.
// Live through the findings' change channel (migration 0015): a run that records, refreshes or
// resolves a finding reloads the table.
class CloudPodFindingModel : public LazyTableModel<cloudpods::Finding> {
    Q_OBJECT
public:
    enum Column { Kind, Where, Vmid, Pod, Detected, LastSeen, State, Detail, ColumnCount };
    Q_ENUM(Column)

    // The finding's pod id (empty for an orphan guest), for "Open pod".
    static constexpr int PodIdRole = Qt::UserRole + 20;

    using LazyTableModel::LazyTableModel;

    void setIncludeResolved(bool include);
    bool includeResolved() const { return m_includeResolved; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindTitle(const QString &kind);

protected:
    Fetch fetcher() const override;

private:
    bool m_includeResolved = false;
};

} // namespace mp
