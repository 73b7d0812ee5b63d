#pragma once

#include "lazy_table_model.h"
#include "money/money.h"

namespace mp {

// One row per TLD price (register / renew / transfer for a number of years), read a page of
// domain products at a time.
struct TldPriceRow {
    QString productId;
    QString productName;
    QString tld;
    QString visibility;
    QString action;
    int years = 1;
    Money amount;
};

class TldPriceModel : public LazyTableModel<TldPriceRow> {
    Q_OBJECT
public:
    enum Column { Tld, Action, Years, Price, Product, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Fetch fetcher() const override;
};

} // namespace mp
