#pragma once

#include "customers/customer.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's customers; the search is the services' (prefix for one or two letters, substring
// of name, email or company from three), so it stays index-backed at a million rows.
class CustomerTableModel : public LazyTableModel<customers::Customer> {
    Q_OBJECT
public:
    enum Column { Name, Email, Company, Country, Status, Created, ColumnCount };
    Q_ENUM(Column)

    explicit CustomerTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setFilter(const customers::CustomerFilter &filter);
    const customers::CustomerFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);

protected:
    QString sortName(int column) const override;
    Fetch fetcher() const override;

private:
    customers::CustomerFilter m_filter;
};

} // namespace mp
