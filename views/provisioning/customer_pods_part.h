#pragma once

#include "console_section.h"

namespace mp {

class ChangeFeed;
class CloudPodTableModel;
class ConsoleSession;
class LazyTableView;

// The customer detail's CloudPods box: the customer's pods with their state, live through the
// change feed (a pod moving from provisioning to active shows without a refresh); a pod opens in
// its detail dialog.
class CustomerPodsPart : public DetailPart {
    Q_OBJECT
public:
    CustomerPodsPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    void showRecord(const QString &customerId) override;
    CloudPodTableModel *pods() const { return m_pods; }
    LazyTableView *view() const { return m_view; }

private:
    ConsoleSession *m_session;
    CloudPodTableModel *m_pods;
    LazyTableView *m_view;
};

} // namespace mp
