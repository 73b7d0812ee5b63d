#pragma once

#include "customers/customer.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class InvoiceTableModel;
class LazyTableView;

// One customer: the profile, their invoices, and the places later modules fill (subscriptions,
// domains, CloudPods) — each a box of its own so a module replaces just its box.
class CustomerDetailPage : public QWidget {
    Q_OBJECT
public:
    CustomerDetailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    void showCustomer(const QString &id);
    const QString &customerId() const { return m_id; }
    InvoiceTableModel *invoices() const { return m_invoices; }
    // The box a later module fills: "subscriptions", "domains", "cloudpods".
    QWidget *placeholder(const QString &name) const;

Q_SIGNALS:
    void backRequested();
    void editRequested(const QString &id);
    void invoiceActivated(const QString &invoiceId);

private:
    void showProfile(const customers::Customer &c);

    ConsoleSession *m_session;
    QString m_id;
    QLabel *m_title;
    QLabel *m_profile;
    InvoiceTableModel *m_invoices;
    LazyTableView *m_invoicesView;
    QList<QWidget *> m_placeholders;
};

} // namespace mp
