#pragma once

#include "subscription_commands.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class LazyTableView;
class SubscriptionTableModel;

// The Subscriptions section: the tenant's subscriptions filtered by status, product, customer
// and "due within N days"; the selected one's product, customer, invoices, payments,
// provisioning status and history beside the table, with its actions (cancel now or at period
// end, suspend, unsuspend, issue the renewal invoice now). Every action is a services call;
// the table and the detail follow the change feed.
class SubscriptionsPage : public QWidget {
    Q_OBJECT
public:
    SubscriptionsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    SubscriptionTableModel *model() const { return m_model; }
    LazyTableView *view() const { return m_view; }

    void setStatus(const QString &status);
    void setDueWithinDays(std::optional<int> days);
    // Only this customer's / product's subscriptions (empty id: everyone's / every product's).
    void setCustomer(const QString &id, const QString &name);
    void setProduct(const QString &id, const QString &name);

    // Shows one subscription in the detail pane.
    void showSubscription(const QString &id);
    const std::optional<commands::SubscriptionDetail> &detail() const { return m_detail; }
    // Runs an action on the shown subscription without asking (the buttons ask first).
    void perform(commands::SubscriptionAction action);
    void renewNow();

    QPushButton *cancelNowButton() const { return m_cancelNow; }
    QPushButton *cancelAtEndButton() const { return m_cancelAtEnd; }
    QPushButton *suspendButton() const { return m_suspend; }
    QPushButton *unsuspendButton() const { return m_unsuspend; }
    QPushButton *renewButton() const { return m_renew; }
    QString message() const;

Q_SIGNALS:
    // The detail pane shows a fresh read of the subscription.
    void detailLoaded();
    // An action finished: `error` is empty when it succeeded.
    void actionFinished(const QString &error);

private:
    void applyFilters();
    void display(const commands::SubscriptionDetail &detail);
    void updateActions();
    void finish(const QString &error, const QString &success);
    bool confirm(const QString &question);

    ConsoleSession *m_session;
    SubscriptionTableModel *m_model;
    LazyTableView *m_view;
    QComboBox *m_status;
    QCheckBox *m_dueEnabled;
    QSpinBox *m_dueDays;
    QLabel *m_scope;
    QPushButton *m_clearScope;
    QTextBrowser *m_document;
    QLabel *m_message;
    QPushButton *m_cancelNow;
    QPushButton *m_cancelAtEnd;
    QPushButton *m_suspend;
    QPushButton *m_unsuspend;
    QPushButton *m_renew;
    QString m_customerId;
    QString m_customerName;
    QString m_productId;
    QString m_productName;
    QString m_shownId;
    std::optional<commands::SubscriptionDetail> m_detail;
    bool m_busy = false;
};

} // namespace mp
