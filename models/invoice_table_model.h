#pragma once

#include "billing/invoices.h"
#include "lazy_table_model.h"

namespace mp {

// An invoice with the tenant's "today" it was read on, for the overdue flag.
struct InvoiceRow {
    billing::Invoice invoice;
    bool overdue = false;
};

// The tenant's invoices, newest first, filtered by status, customer, overdue and issue dates.
class InvoiceTableModel : public LazyTableModel<InvoiceRow> {
    Q_OBJECT
public:
    enum Column { Number, Customer, Status, IssueDate, DueDate, Net, Tax, Total, ColumnCount };
    Q_ENUM(Column)

    explicit InvoiceTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setFilter(const billing::InvoiceFilter &filter);
    const billing::InvoiceFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(billing::InvoiceStatus status);
    // A stored status ("paid") or "overdue" (unpaid past its due date), as the totals name them.
    static QString stateTitle(const QString &state);

protected:
    QString sortName(int column) const override;
    Fetch fetcher() const override;

private:
    billing::InvoiceFilter m_filter;
};

} // namespace mp
