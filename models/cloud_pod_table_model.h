#pragma once

#include "cloudpods/cloud_pods.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's CloudPods, newest first, filtered by status, node and customer; live through
// the change feed (migration 0012), so a pod moving pending -> active shows without a refresh.
class CloudPodTableModel : public LazyTableModel<cloudpods::CloudPod> {
    Q_OBJECT
public:
    enum Column { Hostname, Status, Customer, Template, Node, Address, Created, ColumnCount };
    Q_ENUM(Column)

    explicit CloudPodTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setFilter(const cloudpods::PodFilter &filter);
    const cloudpods::PodFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The statuses a pod can have, as the services name them, and their titles.
    static QStringList statuses();
    static QString statusTitle(const cloudpods::CloudPod &pod);

protected:
    QString sortName(int column) const override;
    Fetch fetcher() const override;

private:
    cloudpods::PodFilter m_filter;
};

} // namespace mp
