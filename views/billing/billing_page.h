#pragma once

#include "billing/invoices.h"
#include "billing/orders.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTabWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class InvoiceDetailDialog;
class InvoiceTableModel;
class LazyTableView;
class OrderTableModel;

// The Billing section: orders and invoices, filtered by status, customer, overdue and dates,
// with the totals of every filtered row (computed in SQL, per currency) under each table;
// invoices open in the invoice detail.
class BillingPage : public QWidget {
    Q_OBJECT
public:
    BillingPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    InvoiceTableModel *invoices() const { return m_invoices; }
    OrderTableModel *orders() const { return m_orders; }
    LazyTableView *invoicesView() const { return m_invoicesView; }
    LazyTableView *ordersView() const { return m_ordersView; }
    QTabWidget *tabs() const { return m_tabs; }

    // Shows only this customer's orders and invoices (empty: everyone's).
    void setCustomer(const QString &id, const QString &name);
    void setInvoiceStatus(const QString &status);
    void setOverdueOnly(bool overdue);
    void showInvoices();
    // Opens the invoice in a dialog that follows the change feed; it deletes itself on close.
    InvoiceDetailDialog *openInvoice(const QString &id);

Q_SIGNALS:
    // The footer totals were recomputed.
    void totalsUpdated();

private:
    void applyFilters();
    void updateTotals();

    ConsoleSession *m_session;
    ChangeFeed *m_feed;
    InvoiceTableModel *m_invoices;
    OrderTableModel *m_orders;
    LazyTableView *m_invoicesView;
    LazyTableView *m_ordersView;
    QTabWidget *m_tabs;
    QComboBox *m_invoiceStatus;
    QComboBox *m_orderStatus;
    QCheckBox *m_overdue;
    QCheckBox *m_fromEnabled;
    QCheckBox *m_toEnabled;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_customerLabel;
    QPushButton *m_clearCustomer;
    QString m_customerId;
    quint64 m_totalsGeneration = 0;
};

} // namespace mp
