#include "notifications_page.h"

#include "common/lazy_table_view.h"
#include "mail_settings_form.h"
#include "notification_commands.h"
#include "outbox_table_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

NotificationsPage::NotificationsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new OutboxTableModel(session, this)),
      m_view(new LazyTableView(m_model, this)), m_status(new QComboBox(this)),
      m_retry(new QPushButton(tr("&Retry"), this)), m_message(new QLabel(this)),
      m_form(new MailSettingsForm(session, this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("notificationsPage"));
    if (feed)
        m_model->setChangeFeed(feed, {channels::emailOutbox});
    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : notifications::Outbox::statuses())
        m_status->addItem(OutboxTableModel::statusTitle(s), s);
    m_retry->setObjectName(QStringLiteral("retryMail"));
    m_retry->setToolTip(tr("Send a failed or waiting message again now, with a fresh attempt budget"));
    m_message->setWordWrap(true);
    QHeaderView *header = m_view->table()->horizontalHeader();
    header->setSectionResizeMode(OutboxTableModel::LastError, QHeaderView::Stretch);
    const std::pair<int, int> widths[] = {
        {OutboxTableModel::Created, 120},    {OutboxTableModel::To, 160},
        {OutboxTableModel::Template, 130},   {OutboxTableModel::Subject, 200},
        {OutboxTableModel::Status, 60},      {OutboxTableModel::Attempts, 60},
        {OutboxTableModel::NextAttempt, 110}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);

    auto *outbox = new QWidget(this);
    auto *outboxLayout = new QVBoxLayout(outbox);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), outbox));
    filters->addWidget(m_status);
    filters->addStretch();
    filters->addWidget(m_retry);
    outboxLayout->addLayout(filters);
    outboxLayout->addWidget(m_view, 1);
    outboxLayout->addWidget(m_message);

    m_form->setMaximumWidth(760);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(outbox, tr("Outbox"));
    m_tabs->addTab(scroll, tr("Mail settings"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setStatusFilter(m_status->currentData().toString()); });
    connect(m_retry, &QPushButton::clicked, this, &NotificationsPage::retrySelected);
    connect(m_view->table()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NotificationsPage::updateButtons);
    connect(m_model, &OutboxTableModel::rowsLoaded, this, &NotificationsPage::updateButtons);
    m_model->refresh();
    m_form->load();
    updateButtons();
}

void NotificationsPage::setStatusFilter(const QString &status)
{
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
}

void NotificationsPage::updateButtons()
{
    const QModelIndex current = m_view->table()->currentIndex();
    const bool sent = current.isValid() && m_model->rowAt(current.row()).status == QLatin1String("sent");
    m_retry->setEnabled(current.isValid() && !sent);
}

void NotificationsPage::retrySelected()
{
    const QString id = m_view->currentId();
    if (id.isEmpty())
        return;
    m_retry->setEnabled(false);
    commands::retryMail(m_session, this, id, [this](const Result<notifications::OutboxEntry> &r) {
        m_message->setText(r ? tr("Message to %1 queued again.").arg(r->toAddress) : r.error().message);
        m_model->reload();
        updateButtons();
        Q_EMIT retried(bool(r));
    });
}

} // namespace mp
