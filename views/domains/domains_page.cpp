#include "domains_page.h"

#include "common/lazy_table_view.h"
#include "domain_channels.h"
#include "domain_table_model.h"
#include "empty_state_label.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

namespace {

constexpr int kExpiringDays = 30;

} // namespace

DomainsPage::DomainsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_domains(new DomainTableModel(session, this)),
      m_view(new LazyTableView(m_domains, this)), m_stack(new QStackedWidget(this)),
      m_empty(new QLabel(this)),
      m_expiring(new QCheckBox(tr("Expiring within %n day(s)", nullptr, kExpiringDays), this))
{
    setObjectName(QStringLiteral("domainsPage"));
    m_domains->setChangeFeed(feed, {channels::domains});
    m_view->setObjectName(QStringLiteral("domainsView"));
    m_expiring->setObjectName(QStringLiteral("domainsExpiringFilter"));
    styleAsEmptyState(m_empty, QStringLiteral("domainsEmptyState"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(DomainTableModel::Name, 200);
    header->resizeSection(DomainTableModel::Customer, 140);
    header->resizeSection(DomainTableModel::Status, 140);
    header->resizeSection(DomainTableModel::Expires, 100);
    header->resizeSection(DomainTableModel::Nameservers, 240);
    m_view->table()->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *about =
        new QLabel(tr("Domains held at your registrar for your customers. A paid order registers the "
                      "domain, makes its DNS zone and records the registrar's expiry; renewal "
                      "invoices renew it."),
                   this);
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(about);
    layout->addWidget(m_expiring);
    layout->addWidget(m_stack, 1);

    connect(m_expiring, &QCheckBox::toggled, this,
            [this](bool on) { m_domains->setExpiringWithinDays(on ? kExpiringDays : -1); });
    connect(m_domains, &QAbstractItemModel::modelReset, this, &DomainsPage::updateEmptyState);
    connect(m_domains, &QAbstractItemModel::rowsInserted, this, &DomainsPage::updateEmptyState);
    connect(m_domains, &QAbstractItemModel::rowsRemoved, this, &DomainsPage::updateEmptyState);
    connect(m_domains, &LazyTableModelBase::loadingChanged, this, &DomainsPage::updateEmptyState);
    m_domains->refresh();
    updateEmptyState();
}

bool DomainsPage::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void DomainsPage::updateEmptyState()
{
    const bool none = m_domains->rowCount() == 0 && !m_domains->isLoading() && m_domains->atEnd();
    m_empty->setText(m_domains->expiringWithinDays() >= 0
                         ? tr("No domain expires within %n day(s).", nullptr, kExpiringDays)
                         : tr("No domains yet. Set up the registrar account (PUT /api/domains/registrar) and "
                              "sell domain products: a paid order registers the domain here."));
    m_stack->setCurrentWidget(none ? static_cast<QWidget *>(m_empty) : m_view);
}

} // namespace mp
