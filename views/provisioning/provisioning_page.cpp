#include "provisioning_page.h"

#include "catalog_commands.h"
#include "cloud_pods_page.h"
#include "cloudpod_commands.h"
#include "cloudpod_template_model.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "findings_page.h"
#include "node_capacity_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <optional>

namespace mp {

ProvisioningPage::ProvisioningPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_cloudPods(new CloudPodsPage(session, feed)),
      m_templates(new CloudPodTemplateModel(session, this)), m_nodes(new NodeCapacityModel(session, this)),
      m_findings(new FindingsPage(session, feed))
{
    setObjectName(QStringLiteral("provisioningPage"));
    m_tabs->setObjectName(QStringLiteral("provisioningTabs"));
    m_templates->setChangeFeed(feed, {channels::cloudPodTemplates});
    m_nodes->setChangeFeed(feed, {channels::nodeAllocations});

    auto *templatesView = new LazyTableView(m_templates);
    templatesView->setObjectName(QStringLiteral("templatesView"));
    templatesView->table()->horizontalHeader()->resizeSection(CloudPodTemplateModel::Name, 160);
    auto *nodesView = new LazyTableView(m_nodes);
    nodesView->setObjectName(QStringLiteral("nodesView"));
    QHeaderView *nodesHeader = nodesView->table()->horizontalHeader();
    nodesHeader->resizeSection(NodeCapacityModel::Node, 180);
    nodesHeader->resizeSection(NodeCapacityModel::Mode, 140);
    nodesHeader->resizeSection(NodeCapacityModel::Group, 130);
    for (int c : {NodeCapacityModel::Cores, NodeCapacityModel::Ram, NodeCapacityModel::Disk})
        nodesHeader->resizeSection(c, 170);

    setPage(Tab::CloudPods, m_cloudPods, tr("CloudPods"));
    setPage(Tab::Templates, templatesView, tr("Templates"));
    setPage(Tab::Nodes, nodesView, tr("Nodes"));
    setPage(Tab::Findings, m_findings, tr("Findings"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Provisioning</h2>"), this));
    layout->addWidget(m_tabs, 1);

    // The node filter offers the nodes there are, kept current by the same live reloads.
    connect(m_nodes, &LazyTableModelBase::rowsLoaded, this, [this] {
        QStringList names;
        for (const NodeCapacity &n : m_nodes->rows())
            if (!names.contains(n.name))
                names << n.name;
        names.sort();
        m_cloudPods->setNodeNames(names);
    });

    // A finding's pod opens in the pod detail, where staff act on it.
    connect(m_findings, &FindingsPage::podRequested, m_cloudPods, &CloudPodsPage::openPod);

    m_templates->refresh();
    m_nodes->refresh();
}

void ProvisioningPage::setPage(Tab tab, QWidget *page, const QString &title)
{
    QWidget *&slot = m_pages[size_t(tab)];
    if (slot) {
        m_tabs->removeTab(m_tabs->indexOf(slot));
        slot->deleteLater();
    }
    slot = page;
    // The tab's index is the number of parts before it that are present.
    int index = 0;
    for (size_t i = 0; i < size_t(tab); ++i)
        index += m_pages[i] ? 1 : 0;
    m_tabs->insertTab(index, page, title);
}

void ProvisioningPage::showTab(Tab tab)
{
    if (QWidget *p = page(tab))
        m_tabs->setCurrentWidget(p);
}

namespace {

// The hosted sections that have a place of their own among the tabs.
std::optional<ProvisioningPage::Tab> placeOf(const QString &sectionId)
{
    if (sectionId == QLatin1String("jobs"))
        return ProvisioningPage::Tab::Jobs;
    return std::nullopt;
}

} // namespace

void ProvisioningPage::hostSection(const QString &id, QWidget *page, const QString &title)
{
    if (const auto tab = placeOf(id)) {
        setPage(*tab, page, title);
        return;
    }
    if (QWidget *old = m_hosted.take(id)) {
        m_tabs->removeTab(m_tabs->indexOf(old));
        old->deleteLater();
    }
    m_hosted.insert(id, page);
    m_tabs->addTab(page, title);
}

void ProvisioningPage::showHostedSection(const QString &id)
{
    if (const auto tab = placeOf(id))
        showTab(*tab);
    else if (QWidget *page = m_hosted.value(id))
        m_tabs->setCurrentWidget(page);
}

} // namespace mp
