#pragma once

#include "catalog/product.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's products, grouped by type by default, filtered by type, visibility and name.
class ProductTableModel : public LazyTableModel<catalog::Product> {
    Q_OBJECT
public:
    enum Column { Type, Name, Visibility, Price, SetupFee, Template, ColumnCount };
    Q_ENUM(Column)

    explicit ProductTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setFilter(const catalog::ProductFilter &filter);
    const catalog::ProductFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString typeTitle(const QString &type);
    static QString visibilityTitle(const QString &visibility);
    // "9.99 EUR / monthly (+2 more)", or the lowest register price of a domain.
    static QString priceSummary(const catalog::Product &product);

protected:
    QString sortName(int column) const override;
    Fetch fetcher() const override;

private:
    catalog::ProductFilter m_filter;
};

} // namespace mp
