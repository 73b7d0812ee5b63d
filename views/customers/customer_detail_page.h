#pragma once

#include "console_section.h"
#include "customers/customer.h"

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class InvoiceTableModel;
class LazyTableView;
class PaymentListModel;
class SubscriptionTableModel;

// One customer: the profile, their invoices, subscriptions and online payments, and the places
// later modules fill (domains, CloudPods) — each a box of its own so a module replaces just its box.
class CustomerDetailPage : public QWidget {
    Q_OBJECT
public:
    CustomerDetailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    void showCustomer(const QString &id);
    const QString &customerId() const { return m_id; }
    InvoiceTableModel *invoices() const { return m_invoices; }
    SubscriptionTableModel *subscriptions() const { return m_subscriptions; }
    PaymentListModel *payments() const { return m_payments; }
    // "Visa •••• 4242, 12/2034 (renewals)" per saved card, or that there is none.
    QString savedCardsText() const;
    // The box a later module fills: "domains", "cloudpods", "email"; null once a part took its place.
    QWidget *placeholder(const QString &name) const;
    // Puts `part` where placeholder `slot` was (the page owns it) and shows it this customer.
    void installPart(const QString &slot, DetailPart *part);
    DetailPart *part(const QString &slot) const { return m_parts.value(slot); }

Q_SIGNALS:
    void backRequested();
    void editRequested(const QString &id);
    void invoiceActivated(const QString &invoiceId);
    void subscriptionActivated(const QString &subscriptionId);
    // The customer's payments were (re)read.
    void paymentsLoaded();
    // The customer's saved cards were (re)read.
    void cardsLoaded();

private:
    void showProfile(const customers::Customer &c);
    void loadPayments();
    void loadCards();

    ConsoleSession *m_session;
    QString m_id;
    QLabel *m_title;
    QLabel *m_profile;
    QLabel *m_cards;
    InvoiceTableModel *m_invoices;
    LazyTableView *m_invoicesView;
    SubscriptionTableModel *m_subscriptions;
    LazyTableView *m_subscriptionsView;
    PaymentListModel *m_payments;
    QTableView *m_paymentsView;
    QHBoxLayout *m_laterRow;
    QList<QWidget *> m_placeholders;
    QHash<QString, DetailPart *> m_parts;
};

} // namespace mp
