#pragma once

#include "dashboard/business_overview.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace mp {

// Revenue by month for the Dashboard's chart and its table form: one row per month (oldest
// first), one column per currency billed in those months. DisplayRole is the amount as the
// console's locale writes money; ChartValueRole the amount in major units for the chart.
class RevenueMonthModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int ChartValueRole = Qt::UserRole + 10;

    using QAbstractTableModel::QAbstractTableModel;

    void setMonths(const QList<dashboard::MonthRevenue> &months);
    const QStringList &currencies() const { return m_currencies; }
    QDate month(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<dashboard::MonthRevenue> m_months;
    QStringList m_currencies;
};

} // namespace mp
