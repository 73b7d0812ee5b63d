#include "customer_pods_part.h"

#include "cloud_pod_detail_dialog.h"
#include "cloud_pod_table_model.h"
#include "cloudpod_commands.h"
#include "common/lazy_table_view.h"

#include <QGroupBox>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

CustomerPodsPart::CustomerPodsPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : DetailPart(parent), m_session(session), m_pods(new CloudPodTableModel(session, this)),
      m_view(new LazyTableView(m_pods, this))
{
    m_pods->setChangeFeed(feed, {channels::cloudPods});
    // The page is the customer's: their name in every row says nothing.
    m_view->table()->setColumnHidden(CloudPodTableModel::Customer, true);
    auto *box = new QGroupBox(tr("CloudPods"), this);
    (new QVBoxLayout(box))->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    connect(m_view, &LazyTableView::activated, this, [this](const QString &id) {
        auto *dialog = new CloudPodDetailDialog(m_session, id, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void CustomerPodsPart::showRecord(const QString &customerId)
{
    cloudpods::PodFilter filter;
    filter.customerId = customerId;
    m_pods->setFilter(filter);
}

} // namespace mp
