#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace mp {

class ChangeFeed;
class CloudPodDetailDialog;
class CloudPodTableModel;
class ConsoleSession;
class LazyTableView;

// Every CloudPod of the tenant, live, filtered by status, node and customer; a pod opens in
// its detail.
class CloudPodsPage : public QWidget {
    Q_OBJECT
public:
    CloudPodsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    CloudPodTableModel *pods() const { return m_pods; }
    LazyTableView *view() const { return m_view; }

    void setStatus(const QString &status);
    // The node names the node filter offers (the current choice is kept when still there).
    void setNodeNames(const QStringList &names);
    void setNode(const QString &name);
    // Shows only this customer's pods (empty: everyone's).
    void setCustomer(const QString &id, const QString &name);
    CloudPodDetailDialog *openPod(const QString &id);

private:
    void applyFilters();

    ConsoleSession *m_session;
    ChangeFeed *m_feed;
    CloudPodTableModel *m_pods;
    LazyTableView *m_view;
    QComboBox *m_status;
    QComboBox *m_node;
    QLabel *m_customerLabel;
    QPushButton *m_clearCustomer;
    QString m_customerId;
};

} // namespace mp
