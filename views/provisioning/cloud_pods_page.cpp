#include "cloud_pods_page.h"

#include "cloud_pod_detail_dialog.h"
#include "cloud_pod_table_model.h"
#include "cloudpod_commands.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

CloudPodsPage::CloudPodsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_feed(feed), m_pods(new CloudPodTableModel(session, this)),
      m_view(new LazyTableView(m_pods, this)), m_status(new QComboBox(this)), m_node(new QComboBox(this)),
      m_customerLabel(new QLabel(this)), m_clearCustomer(new QPushButton(tr("All customers"), this))
{
    setObjectName(QStringLiteral("cloudPodsPage"));
    m_pods->setChangeFeed(feed, {channels::cloudPods});
    m_status->setObjectName(QStringLiteral("podStatus"));
    m_node->setObjectName(QStringLiteral("podNode"));
    m_view->setObjectName(QStringLiteral("podsView"));

    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : CloudPodTableModel::statuses()) {
        cloudpods::CloudPod sample;
        sample.status = s;
        m_status->addItem(CloudPodTableModel::statusTitle(sample), s);
    }
    m_node->addItem(tr("Any node"), QString());
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_clearCustomer->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Node:"), this));
    filters->addWidget(m_node);
    filters->addSpacing(12);
    filters->addWidget(m_customerLabel);
    filters->addWidget(m_clearCustomer);
    filters->addStretch();
    auto *onlyCustomer = new QPushButton(tr("Only this &customer"), this);
    auto *open = new QPushButton(tr("&Open pod…"), this);
    filters->addWidget(onlyCustomer);
    filters->addWidget(open);

    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(CloudPodTableModel::Hostname, 170);
    header->resizeSection(CloudPodTableModel::Status, 130);
    header->resizeSection(CloudPodTableModel::Customer, 160);
    header->resizeSection(CloudPodTableModel::Node, 150);
    header->resizeSection(CloudPodTableModel::Address, 120);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &CloudPodsPage::applyFilters);
    connect(m_node, &QComboBox::currentIndexChanged, this, &CloudPodsPage::applyFilters);
    connect(m_clearCustomer, &QPushButton::clicked, this, [this] { setCustomer({}, {}); });
    connect(onlyCustomer, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->table()->currentIndex();
        if (!current.isValid())
            return;
        const cloudpods::CloudPod &pod = m_pods->rowAt(current.row());
        setCustomer(pod.customerId, pod.customerName);
    });
    connect(open, &QPushButton::clicked, this, [this] {
        if (const QString id = m_view->currentId(); !id.isEmpty())
            openPod(id);
    });
    connect(m_view, &LazyTableView::activated, this, &CloudPodsPage::openPod);
    applyFilters();
}

void CloudPodsPage::setStatus(const QString &status)
{
    m_status->setCurrentIndex(m_status->findData(status));
}

void CloudPodsPage::setNodeNames(const QStringList &names)
{
    const QString current = m_node->currentData().toString();
    QSignalBlocker block(m_node);
    while (m_node->count() > 1)
        m_node->removeItem(1);
    for (const QString &n : names)
        m_node->addItem(n, n);
    const int index = m_node->findData(current);
    m_node->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        applyFilters();
}

void CloudPodsPage::setNode(const QString &name)
{
    m_node->setCurrentIndex(m_node->findData(name));
}

void CloudPodsPage::setCustomer(const QString &id, const QString &name)
{
    m_customerId = id;
    m_customerLabel->setText(id.isEmpty() ? QString() : tr("Customer: <b>%1</b>").arg(name.toHtmlEscaped()));
    m_clearCustomer->setVisible(!id.isEmpty());
    applyFilters();
}

CloudPodDetailDialog *CloudPodsPage::openPod(const QString &id)
{
    auto *dialog = new CloudPodDetailDialog(m_session, id, this);
    dialog->followChanges(m_feed);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void CloudPodsPage::applyFilters()
{
    cloudpods::PodFilter filter;
    filter.status = m_status->currentData().toString();
    filter.nodeName = m_node->currentData().toString();
    filter.customerId = m_customerId;
    m_pods->setFilter(filter);
}

} // namespace mp
