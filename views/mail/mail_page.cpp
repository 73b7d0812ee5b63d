#include "mail_page.h"

#include "common/lazy_table_view.h"
#include "mail_channels.h"
#include "mail_domain_table_model.h"
#include "mailbox_table_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

namespace {

QLabel *emptyState(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

MailPage::MailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_domains(new MailDomainTableModel(session, this)),
      m_mailboxes(new MailboxTableModel(session, this)), m_domainView(new LazyTableView(m_domains, this)),
      m_mailboxView(new LazyTableView(m_mailboxes, this)), m_domainStack(new QStackedWidget(this)),
      m_mailboxStack(new QStackedWidget(this)),
      m_domainEmpty(emptyState(this, QStringLiteral("mailDomainsEmptyState"))),
      m_mailboxEmpty(emptyState(this, QStringLiteral("mailboxesEmptyState"))), m_domainTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("mailPage"));
    m_domains->setChangeFeed(feed, {channels::mail});
    m_mailboxes->setChangeFeed(feed, {channels::mail});
    m_domainView->setObjectName(QStringLiteral("mailDomainsView"));
    m_mailboxView->setObjectName(QStringLiteral("mailboxesView"));
    m_domainEmpty->setText(
        tr("No mail domains yet. Register a mail host (POST /api/mail/hosts); domains come "
           "with paid email subscriptions or are created with POST /api/mail/domains."));
    m_domainStack->addWidget(m_domainView);
    m_domainStack->addWidget(m_domainEmpty);
    m_mailboxStack->addWidget(m_mailboxView);
    m_mailboxStack->addWidget(m_mailboxEmpty);

    QHeaderView *domainHeader = m_domainView->table()->horizontalHeader();
    domainHeader->resizeSection(MailDomainTableModel::Name, 200);
    domainHeader->resizeSection(MailDomainTableModel::Customer, 140);
    domainHeader->resizeSection(MailDomainTableModel::Mailboxes, 90);
    m_mailboxView->table()->horizontalHeader()->resizeSection(MailboxTableModel::Address, 260);
    m_domainView->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_domainView->table()->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *mailboxPane = new QWidget(this);
    auto *mailboxLayout = new QVBoxLayout(mailboxPane);
    mailboxLayout->setContentsMargins(0, 6, 0, 0);
    QFont titleFont = m_domainTitle->font();
    titleFont.setBold(true);
    m_domainTitle->setFont(titleFont);
    mailboxLayout->addWidget(m_domainTitle);
    mailboxLayout->addWidget(m_mailboxStack, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_domainStack);
    splitter->addWidget(mailboxPane);

    auto *about =
        new QLabel(tr("Domains on your mail hosts (Postfix and Dovecot). Their MX, SPF, DKIM and DMARC "
                      "records are published through DNS."),
                   this);
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(about);
    layout->addWidget(splitter, 1);

    for (LazyTableModelBase *model :
         {static_cast<LazyTableModelBase *>(m_domains), static_cast<LazyTableModelBase *>(m_mailboxes)}) {
        connect(model, &QAbstractItemModel::modelReset, this, &MailPage::updateEmptyStates);
        connect(model, &QAbstractItemModel::rowsInserted, this, &MailPage::updateEmptyStates);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MailPage::updateEmptyStates);
        connect(model, &LazyTableModelBase::loadingChanged, this, &MailPage::updateEmptyStates);
    }
    connect(m_domainView->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MailPage::showDomain);
    connect(m_domains, &LazyTableModelBase::rowsLoaded, this, [this] {
        if (!m_domainView->table()->currentIndex().isValid() && m_domains->rowCount() > 0)
            m_domainView->table()->selectRow(0);
        else
            showDomain();
    });
    m_domains->refresh();
    showDomain();
}

bool MailPage::showsEmptyState() const
{
    return m_domainStack->currentWidget() == m_domainEmpty;
}

void MailPage::showDomain()
{
    const QModelIndex current = m_domainView->table()->currentIndex();
    if (!current.isValid() || current.row() >= m_domains->rowCount()) {
        m_domainTitle->setText(tr("Mailboxes"));
        if (!m_mailboxes->domainId().isEmpty())
            m_mailboxes->setDomain({});
        updateEmptyStates();
        return;
    }
    const mail::MailDomain &domain = m_domains->rowAt(current.row());
    m_domainTitle->setText(tr("Mailboxes of %1").arg(domain.name));
    if (m_mailboxes->domainId() != domain.id)
        m_mailboxes->setDomain(domain.id);
    updateEmptyStates();
}

void MailPage::updateEmptyStates()
{
    const bool noDomains = m_domains->rowCount() == 0 && !m_domains->isLoading() && m_domains->atEnd();
    m_domainStack->setCurrentWidget(noDomains ? static_cast<QWidget *>(m_domainEmpty) : m_domainView);
    const bool noMailboxes =
        m_mailboxes->rowCount() == 0 && !m_mailboxes->isLoading() && m_mailboxes->atEnd();
    m_mailboxEmpty->setText(m_mailboxes->domainId().isEmpty()
                                ? tr("Select a mail domain to see its mailboxes.")
                                : tr("This domain has no mailboxes yet."));
    m_mailboxStack->setCurrentWidget(noMailboxes ? static_cast<QWidget *>(m_mailboxEmpty) : m_mailboxView);
}

} // namespace mp
