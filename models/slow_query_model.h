#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>

namespace mp {

// The slow statement list (monitoring_slow_queries, as SlowQuery::toJson answers each): the
// normalized text, calls, mean and max time, first and last seen; the slowest mean first.
class SlowQueryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Query, Calls, Mean, Max, FirstSeen, LastSeen, ColumnCount };
    Q_ENUM(Column)

    using QAbstractTableModel::QAbstractTableModel;

    void setQueries(const QJsonArray &queries);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_queries;
};

} // namespace mp
