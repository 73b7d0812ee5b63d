#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class CustomerDetailPage;
class CustomerTableModel;
class LazyTableView;

// The Customers section: the list with server-side search, create / edit, and the customer
// detail page in place of the list.
class CustomersPage : public QWidget {
    Q_OBJECT
public:
    CustomersPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    CustomerTableModel *customers() const { return m_customers; }
    CustomerDetailPage *detail() const { return m_detail; }
    QLineEdit *searchEdit() const { return m_search; }

    void newCustomer();
    void editCustomer(const QString &id);
    void showCustomer(const QString &id);
    void showList();

Q_SIGNALS:
    void invoiceActivated(const QString &invoiceId);

private:
    void applyFilter();

    ConsoleSession *m_session;
    ChangeFeed *m_feed;
    CustomerTableModel *m_customers;
    LazyTableView *m_view;
    CustomerDetailPage *m_detail;
    QStackedWidget *m_stack;
    QLineEdit *m_search;
    QComboBox *m_status;
};

} // namespace mp
