#pragma once

#include "billing/orders.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's orders, newest first, filtered by status, customer and the day they were placed.
class OrderTableModel : public LazyTableModel<billing::OrderSummary> {
    Q_OBJECT
public:
    enum Column { Placed, Customer, Items, Status, Amount, PlacedBy, ColumnCount };
    Q_ENUM(Column)

    explicit OrderTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setFilter(const billing::OrderFilter &filter);
    const billing::OrderFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString sortName(int column) const override;
    Fetch fetcher() const override;

private:
    billing::OrderFilter m_filter;
};

} // namespace mp
