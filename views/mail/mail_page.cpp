#include "mail_page.h"

#include "common/lazy_table_view.h"
#include "empty_state_label.h"
#include "mail_alias_table_model.h"
#include "mail_channels.h"
#include "mail_commands.h"
#include "mail_domain_table_model.h"
#include "mailbox_table_model.h"
#include "model_roles.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

MailPage::MailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_domains(new MailDomainTableModel(session, this)),
      m_mailboxes(new MailboxTableModel(session, this)), m_aliases(new MailAliasTableModel(session, this)),
      m_domainView(new LazyTableView(m_domains, this)), m_mailboxView(new LazyTableView(m_mailboxes, this)),
      m_aliasView(new LazyTableView(m_aliases, this)), m_domainStack(new QStackedWidget(this)),
      m_mailboxStack(new QStackedWidget(this)),
      m_domainEmpty(newEmptyStateLabel(this, QStringLiteral("mailDomainsEmptyState"))),
      m_mailboxEmpty(newEmptyStateLabel(this, QStringLiteral("mailboxesEmptyState"))),
      m_domainTitle(new QLabel(this)), m_health(new QLabel(this)), m_message(new QLabel(this)),
      m_session(session)
{
    setObjectName(QStringLiteral("mailPage"));
    m_domains->setChangeFeed(feed, {channels::mail});
    m_mailboxes->setChangeFeed(feed, {channels::mail});
    m_aliases->setChangeFeed(feed, {channels::mail});
    m_domainView->setObjectName(QStringLiteral("mailDomainsView"));
    m_mailboxView->setObjectName(QStringLiteral("mailboxesView"));
    m_aliasView->setObjectName(QStringLiteral("mailAliasesView"));
    m_health->setObjectName(QStringLiteral("mailDnsHealth"));
    m_health->setWordWrap(true);
    m_health->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("mailMessage"));
    m_message->setWordWrap(true);
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
    m_aliasView->table()->horizontalHeader()->resizeSection(MailAliasTableModel::Address, 220);
    for (LazyTableView *view : {m_domainView, m_mailboxView, m_aliasView}) {
        view->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    }

    auto *mailboxPane = new QWidget(this);
    auto *mailboxLayout = new QVBoxLayout(mailboxPane);
    mailboxLayout->setContentsMargins(0, 6, 0, 0);
    QFont titleFont = m_domainTitle->font();
    titleFont.setBold(true);
    m_domainTitle->setFont(titleFont);
    mailboxLayout->addWidget(m_domainTitle);
    mailboxLayout->addWidget(m_health);
    auto *lists = new QSplitter(Qt::Horizontal, mailboxPane);
    lists->addWidget(m_mailboxStack);
    lists->addWidget(m_aliasView);
    mailboxLayout->addWidget(lists, 1);
    mailboxLayout->addWidget(buildActions());
    mailboxLayout->addWidget(m_message);

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
         {static_cast<LazyTableModelBase *>(m_domains), static_cast<LazyTableModelBase *>(m_mailboxes),
          static_cast<LazyTableModelBase *>(m_aliases)}) {
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
        m_health->clear();
        if (!m_mailboxes->domainId().isEmpty())
            m_mailboxes->setDomain({});
        if (!m_aliases->domainId().isEmpty())
            m_aliases->setDomain({});
        updateEmptyStates();
        return;
    }
    const mail::MailDomain &domain = m_domains->rowAt(current.row());
    m_domainTitle->setText(tr("Mailboxes and aliases of %1").arg(domain.name));
    m_health->setText(describeHealth(domain.dnsHealth));
    if (m_mailboxes->domainId() != domain.id)
        m_mailboxes->setDomain(domain.id);
    if (m_aliases->domainId() != domain.id)
        m_aliases->setDomain(domain.id);
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

QString MailPage::describeHealth(const QJsonObject &health)
{
    if (health.isEmpty())
        return tr(
            "DNS not checked yet: Check DNS asks the authoritative servers for MX, SPF, DKIM and DMARC.");
    const QString when =
        QDateTime::fromString(health.value(QStringLiteral("checked_at")).toString(), Qt::ISODate)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (health.value(QStringLiteral("ok")).toBool())
        return tr("DNS healthy (checked %1): MX, SPF, DKIM and DMARC are served as published.").arg(when);
    if (health.contains(QStringLiteral("problem")))
        return tr("DNS not checked (%1): %2").arg(when, health.value(QStringLiteral("problem")).toString());
    QStringList problems;
    for (const QJsonValue &v : health.value(QStringLiteral("records")).toArray()) {
        const QJsonObject record = v.toObject();
        if (!record.value(QStringLiteral("ok")).toBool())
            problems << record.value(QStringLiteral("record")).toString() + QStringLiteral(": ") +
                            record.value(QStringLiteral("fix")).toString();
    }
    return tr("DNS problems (checked %1):\n%2").arg(when, problems.join(u'\n'));
}

QString MailPage::message() const
{
    return m_message->text();
}

QString MailPage::dnsHealthText() const
{
    return m_health->text();
}

QWidget *MailPage::buildActions()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const auto button = [&](const QString &name, const QString &text, auto slot) {
        auto *b = new QPushButton(text, bar);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    button(QStringLiteral("mailCheckDns"), tr("Check DNS"), [this] { checkDns(); });
    button(QStringLiteral("mailNewMailbox"), tr("New mailbox…"), [this] { askNewMailbox(); });
    button(QStringLiteral("mailChangePassword"), tr("Change password…"), [this] { askPassword(); });
    button(QStringLiteral("mailDisable"), tr("Disable"), [this] { setMailboxEnabled(false); });
    button(QStringLiteral("mailEnable"), tr("Enable"), [this] { setMailboxEnabled(true); });
    button(QStringLiteral("mailDeleteMailbox"), tr("Delete mailbox…"), [this] {
        if (QMessageBox::question(
                this, tr("Delete mailbox"),
                tr("Delete the selected mailbox? It stops logging in and receiving at once; "
                   "its mail is removed by a job.")) == QMessageBox::Yes)
            deleteMailbox();
    });
    button(QStringLiteral("mailNewAlias"), tr("New alias…"), [this] { askNewAlias(); });
    button(QStringLiteral("mailDeleteAlias"), tr("Delete alias"), [this] { deleteAlias(); });
    row->addStretch(1);
    return bar;
}

QString MailPage::selectedId(LazyTableView *view) const
{
    const QModelIndex current = view->table()->currentIndex();
    return current.isValid() ? current.data(IdRole).toString() : QString();
}

void MailPage::report(const QString &message)
{
    m_message->setText(message);
    Q_EMIT actionFinished(message);
}

void MailPage::askNewMailbox()
{
    const QString local =
        QInputDialog::getText(this, tr("New mailbox"), tr("Address (the part before the @):"));
    if (local.isEmpty())
        return;
    const QString password = QInputDialog::getText(
        this, tr("New mailbox"), tr("Password (at least 10 characters):"), QLineEdit::Password);
    if (!password.isEmpty())
        createMailbox(local, password);
}

void MailPage::askPassword()
{
    const QString password =
        QInputDialog::getText(this, tr("Change password"), tr("New password:"), QLineEdit::Password);
    if (!password.isEmpty())
        changePassword(password);
}

void MailPage::askNewAlias()
{
    const QString local = QInputDialog::getText(this, tr("New alias"), tr("Alias (the part before the @):"));
    if (local.isEmpty())
        return;
    const QString to =
        QInputDialog::getText(this, tr("New alias"), tr("Delivers to (addresses, comma-separated):"));
    if (!to.isEmpty())
        createAlias(local, to.split(u',', Qt::SkipEmptyParts));
}

void MailPage::checkDns()
{
    const QString domain = selectedId(m_domainView);
    if (domain.isEmpty())
        return report(tr("Select a mail domain first."));
    commands::checkMailDns(m_session, this, domain, [this](const Result<QJsonObject> &health) {
        if (!health)
            return report(tr("The DNS check failed: %1").arg(health.error().message));
        m_health->setText(describeHealth(*health));
        report(health->value(QStringLiteral("ok")).toBool() ? tr("DNS is healthy.")
                                                            : tr("DNS has problems: see above what to fix."));
    });
}

void MailPage::createMailbox(const QString &localPart, const QString &password)
{
    const QString domain = selectedId(m_domainView);
    if (domain.isEmpty())
        return report(tr("Select a mail domain first."));
    commands::createMailbox(m_session, this, domain, localPart.trimmed(), password, std::nullopt,
                            [this](const Result<mail::Mailbox> &made) {
                                report(made
                                           ? tr("Mailbox %1 created.").arg(made->address())
                                           : tr("The mailbox was not created: %1").arg(made.error().message));
                            });
}

void MailPage::setMailboxEnabled(bool enabled)
{
    const QString mailbox = selectedId(m_mailboxView);
    if (mailbox.isEmpty())
        return report(tr("Select a mailbox first."));
    mail::MailboxChange change;
    change.enabled = enabled;
    commands::changeMailbox(
        m_session, this, mailbox, change, [this, enabled](const Result<mail::Mailbox> &m) {
            if (!m)
                return report(tr("The mailbox was not changed: %1").arg(m.error().message));
            report(enabled ? tr("%1 is enabled.").arg(m->address())
                           : tr("%1 is disabled: it can neither log in nor receive mail.").arg(m->address()));
        });
}

void MailPage::changePassword(const QString &password)
{
    const QString mailbox = selectedId(m_mailboxView);
    if (mailbox.isEmpty())
        return report(tr("Select a mailbox first."));
    mail::MailboxChange change;
    change.password = password;
    commands::changeMailbox(m_session, this, mailbox, change, [this](const Result<mail::Mailbox> &m) {
        report(m ? tr("The password of %1 is changed.").arg(m->address())
                 : tr("The password was not changed: %1").arg(m.error().message));
    });
}

void MailPage::deleteMailbox()
{
    const QString mailbox = selectedId(m_mailboxView);
    if (mailbox.isEmpty())
        return report(tr("Select a mailbox first."));
    commands::removeMailbox(m_session, this, mailbox, [this](const Result<qint64> &job) {
        report(job ? tr("The mailbox is deleted; job %1 removes its mail.").arg(*job)
                   : tr("The mailbox was not deleted: %1").arg(job.error().message));
    });
}

void MailPage::createAlias(const QString &localPart, const QStringList &destinations)
{
    const QString domain = selectedId(m_domainView);
    if (domain.isEmpty())
        return report(tr("Select a mail domain first."));
    QStringList cleaned;
    for (const QString &d : destinations)
        cleaned << d.trimmed();
    commands::createAlias(m_session, this, domain, localPart.trimmed(), cleaned,
                          [this](const Result<mail::MailAlias> &alias) {
                              report(alias ? tr("Alias %1 created.").arg(alias->address())
                                           : tr("The alias was not created: %1").arg(alias.error().message));
                          });
}

void MailPage::deleteAlias()
{
    const QString alias = selectedId(m_aliasView);
    if (alias.isEmpty())
        return report(tr("Select an alias first."));
    commands::removeAlias(m_session, this, alias, [this](const Result<mail::MailAlias> &gone) {
        report(gone ? tr("Alias %1 deleted.").arg(gone->address())
                    : tr("The alias was not deleted: %1").arg(gone.error().message));
    });
}

} // namespace mp
