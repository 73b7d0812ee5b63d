#pragma once

#include <QWidget>

#include <array>

class QTabWidget;

namespace mp {

class ChangeFeed;
class CloudPodsPage;
class CloudPodTemplateModel;
class FindingsPage;
class ConsoleSession;
class LazyTableView;
class NodeCapacityModel;

// The Provisioning section: one tab per part, always in the order of Tab whatever order the
// parts arrive in, so another module's page drops in with one setPage() line in
// installConsoleSections.
class ProvisioningPage : public QWidget {
    Q_OBJECT
public:
    enum class Tab { CloudPods, Jobs, Templates, Nodes, Findings, Count };

    ProvisioningPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    // Puts `page` in `tab`'s place (replacing what was there); the page becomes our child.
    void setPage(Tab tab, QWidget *page, const QString &title);
    QWidget *page(Tab tab) const { return m_pages[size_t(tab)]; }
    void showTab(Tab tab);

    QTabWidget *tabs() const { return m_tabs; }
    CloudPodsPage *cloudPods() const { return m_cloudPods; }
    CloudPodTemplateModel *templates() const { return m_templates; }
    NodeCapacityModel *nodes() const { return m_nodes; }
    FindingsPage *findings() const { return m_findings; }

private:
    QTabWidget *m_tabs;
    std::array<QWidget *, size_t(Tab::Count)> m_pages{};
    CloudPodsPage *m_cloudPods;
    CloudPodTemplateModel *m_templates;
    NodeCapacityModel *m_nodes;
    FindingsPage *m_findings;
};

} // namespace mp
