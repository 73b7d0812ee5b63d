#include "findings_page.h"

#include "change_follower.h"
#include "cloudpod_commands.h"
#include "cloudpod_finding_model.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "job_commands.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

FindingsPage::FindingsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_findings(new CloudPodFindingModel(session, this)),
      m_view(new LazyTableView(m_findings, this)), m_filter(new QComboBox(this)),
      m_openPod(new QPushButton(tr("&Open pod…"), this)), m_checkNow(new QPushButton(tr("&Check now"), this)),
      m_checkStatus(new QLabel(this)), m_stack(new QStackedWidget(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("findingsPage"));
    m_findings->setChangeFeed(feed, {channels::cloudPodFindings});
    m_view->setObjectName(QStringLiteral("findingsView"));
    m_filter->setObjectName(QStringLiteral("findingsFilter"));
    m_openPod->setObjectName(QStringLiteral("findingsOpenPod"));
    m_checkNow->setObjectName(QStringLiteral("findingsCheckNow"));
    m_checkNow->setToolTip(
        tr("Compare the clusters' guests with the pods now instead of at the next quarter hour"));
    m_checkStatus->setObjectName(QStringLiteral("findingsCheckStatus"));
    m_empty->setObjectName(QStringLiteral("findingsEmptyState"));
    m_filter->addItem(tr("Open findings"), false);
    m_filter->addItem(tr("All findings, with resolved"), true);

    auto *about =
        new QLabel(tr("Reconciliation compares every cluster's guests with the pods every 15 minutes. "
                      "It reports and never deletes; a finding is resolved by the first run that "
                      "no longer sees it."),
                   this);
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_filter);
    filters->addSpacing(12);
    filters->addWidget(m_checkStatus, 1);
    filters->addWidget(m_checkNow);
    filters->addWidget(m_openPod);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(CloudPodFindingModel::Kind, 105);
    header->resizeSection(CloudPodFindingModel::Where, 95);
    header->resizeSection(CloudPodFindingModel::Vmid, 50);
    header->resizeSection(CloudPodFindingModel::Pod, 80);
    header->resizeSection(CloudPodFindingModel::Detected, 150);
    header->resizeSection(CloudPodFindingModel::LastSeen, 150);
    header->resizeSection(CloudPodFindingModel::State, 80);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(about);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_findings->setIncludeResolved(m_filter->currentData().toBool()); });
    connect(m_findings, &QAbstractItemModel::modelReset, this, &FindingsPage::updateEmptyState);
    connect(m_findings, &QAbstractItemModel::rowsInserted, this, &FindingsPage::updateEmptyState);
    connect(m_findings, &QAbstractItemModel::rowsRemoved, this, &FindingsPage::updateEmptyState);
    connect(m_findings, &LazyTableModelBase::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_failed = false;
        updateEmptyState();
    });
    connect(m_findings, &LazyTableModelBase::loadFailed, this, [this] {
        m_failed = true;
        updateEmptyState();
    });
    connect(m_findings, &QAbstractItemModel::modelReset, this, &FindingsPage::updateActions);
    connect(m_findings, &QAbstractItemModel::dataChanged, this, &FindingsPage::updateActions);
    connect(m_view->table()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FindingsPage::updateActions);
    const auto openPod = [this] {
        const QString pod = m_view->table()->currentIndex().data(CloudPodFindingModel::PodIdRole).toString();
        if (!pod.isEmpty())
            Q_EMIT podRequested(pod);
    };
    connect(m_openPod, &QPushButton::clicked, this, openPod);
    connect(m_checkNow, &QPushButton::clicked, this, &FindingsPage::checkNow);
    connect(m_view->table(), &QTableView::activated, this, openPod);
    // A run that finds nothing changes no finding: its job finishing is what says it ran.
    new ChangeFollower(
        feed, {channels::jobs, channels::cloudPodFindings}, [this] { loadLastCheck(); }, this);
    updateActions();
    m_findings->refresh();
    loadLastCheck();
}

void FindingsPage::loadLastCheck()
{
    commands::lastFindingsCheck(m_session, this, [this](const Result<QDateTime> &at) {
        if (!at)
            return;
        const bool changed = *at != m_lastCheck;
        m_lastCheck = *at;
        if (changed || m_checkStatus->text().isEmpty())
            m_checkStatus->setText(
                m_lastCheck.isNull()
                    ? tr("Not checked yet.")
                    : tr("Last checked %1.")
                          .arg(QLocale().toString(m_lastCheck.toLocalTime(), QLocale::ShortFormat)));
        updateEmptyState();
    });
}

bool FindingsPage::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void FindingsPage::setIncludeResolved(bool include)
{
    m_filter->setCurrentIndex(m_filter->findData(include));
}

void FindingsPage::updateEmptyState()
{
    // Only once a query came back with nothing: not while loading, not over an error (the
    // table's status line says what failed).
    const bool empty =
        !m_failed && m_findings->rowCount() == 0 && !m_findings->isLoading() && m_findings->atEnd();
    // Only a check that ran can vouch for the guests; before one, say so.
    const QString when = QLocale().toString(m_lastCheck.toLocalTime(), QLocale::ShortFormat);
    if (m_lastCheck.isNull())
        m_empty->setText(tr("No check has run yet. Reconciliation compares the clusters' guests with the "
                            "pods every 15 minutes; \"Check now\" runs it at once."));
    else if (m_findings->includeResolved())
        m_empty->setText(tr("Reconciliation has reported nothing (last checked %1).").arg(when));
    else
        m_empty->setText(tr("No open findings at the last check (%1): every guest mPanel tagged belongs to a "
                            "live pod, and every live pod's guest is there.")
                             .arg(when));
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
}

void FindingsPage::checkNow()
{
    m_checkNow->setEnabled(false);
    m_checkStatus->setText(tr("Queueing a reconciliation…"));
    commands::checkFindings(m_session, this, [this](const Result<EnqueuedJob> &job) {
        m_checkNow->setEnabled(true);
        if (!job) {
            m_checkStatus->setText(tr("Could not queue a reconciliation: %1").arg(job.error().message));
            Q_EMIT checkFinished(job.error().message);
            return;
        }
        m_checkStatus->setText(
            job->created
                ? tr("Reconciliation queued (job %1); the table updates when it has run.").arg(job->id)
                : tr("A reconciliation is already pending (job %1); it covers this too.").arg(job->id));
        Q_EMIT checkFinished({});
    });
}

void FindingsPage::updateActions()
{
    const QModelIndex current = m_view->table()->currentIndex();
    m_openPod->setEnabled(current.isValid() &&
                          !current.data(CloudPodFindingModel::PodIdRole).toString().isEmpty());
}

} // namespace mp
