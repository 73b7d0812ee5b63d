#pragma once

#include "console_section.h"

#include <QHash>
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
// parts arrive in. Another section's page drops in as a tab by naming this section as its host
// (ConsoleSection::host): Jobs in its own place, others after the rest.
class ProvisioningPage : public QWidget, public SectionHost {
    Q_OBJECT
public:
    enum class Tab { CloudPods, Jobs, Templates, Nodes, Findings, Count };

    ProvisioningPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    // Puts `page` in `tab`'s place (replacing what was there); the page becomes our child.
    void setPage(Tab tab, QWidget *page, const QString &title);
    QWidget *page(Tab tab) const { return m_pages[size_t(tab)]; }
    void showTab(Tab tab);

    void hostSection(const QString &id, QWidget *page, const QString &title) override;
    void showHostedSection(const QString &id) override;

    QTabWidget *tabs() const { return m_tabs; }
    CloudPodsPage *cloudPods() const { return m_cloudPods; }
    CloudPodTemplateModel *templates() const { return m_templates; }
    NodeCapacityModel *nodes() const { return m_nodes; }
    FindingsPage *findings() const { return m_findings; }

private:
    QTabWidget *m_tabs;
    std::array<QWidget *, size_t(Tab::Count)> m_pages{};
    QHash<QString, QWidget *> m_hosted; // sections without a place in Tab, by id
    CloudPodsPage *m_cloudPods;
    CloudPodTemplateModel *m_templates;
    NodeCapacityModel *m_nodes;
    FindingsPage *m_findings;
};

} // namespace mp
