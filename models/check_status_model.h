#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>

namespace mp {

// The status board of the Monitoring section: one row per check (monitoring_checks with its
// monitoring_service_status), as MonitoringStore::checks answers them.
class CheckStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Target, Status, Latency, Checked, Message, ColumnCount };
    Q_ENUM(Column)

    using QAbstractTableModel::QAbstractTableModel;

    void setChecks(const QJsonArray &checks);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_checks;
};

} // namespace mp
