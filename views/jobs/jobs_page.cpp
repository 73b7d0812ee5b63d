#include "jobs_page.h"

#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "job_commands.h"
#include "job_table_model.h"
#include "model_roles.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

JobsPage::JobsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new JobTableModel(session, this)),
      m_view(new LazyTableView(m_model, this)), m_status(new QComboBox(this)), m_kind(new QLineEdit(this)),
      m_relatedType(new QLineEdit(this)), m_relatedId(new QLineEdit(this)), m_detail(new QLabel(this)),
      m_log(new QPlainTextEdit(this)), m_retry(new QPushButton(tr("&Retry"), this)),
      m_cancel(new QPushButton(tr("Ca&ncel job"), this))
{
    setObjectName(QStringLiteral("jobsPage"));
    if (feed)
        m_model->setChangeFeed(feed, {channels::jobs});

    m_status->addItem(tr("Any status"), QString());
    for (JobStatus s : JobTableModel::allStatuses())
        m_status->addItem(JobTableModel::statusTitle(s), toString(s));
    m_kind->setPlaceholderText(tr("Kind, e.g. cloudpod.provision"));
    m_relatedType->setPlaceholderText(tr("Related type"));
    m_relatedId->setPlaceholderText(tr("Related id"));
    m_kind->setClearButtonEnabled(true);
    m_relatedId->setClearButtonEnabled(true);

    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("jobLog"));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a job to see its log."));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryJob"));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_retry->setToolTip(tr("Queue a failed, dead or cancelled job again, due now"));
    m_cancel->setToolTip(tr("Cancel a queued or failed job; a running job is asked to stop"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_kind, 2);
    filters->addWidget(m_relatedType, 1);
    filters->addWidget(m_relatedId, 2);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_detail);
    sideLayout->addWidget(m_log, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_cancel);
    sideLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(JobTableModel::Id, 60);
    header->resizeSection(JobTableModel::Kind, 170);
    header->resizeSection(JobTableModel::Status, 110);
    header->resizeSection(JobTableModel::Attempts, 75);
    header->resizeSection(JobTableModel::Related, 150);
    header->resizeSection(JobTableModel::Created, 145);
    header->resizeSection(JobTableModel::Finished, 145);
    header->setStretchLastSection(true);
    m_view->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->table()->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Jobs</h2>"), this));
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    // Typing in a filter re-queries once the typing pauses, not per key.
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(300);
    connect(&m_filterDelay, &QTimer::timeout, this, &JobsPage::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &JobsPage::applyFilters);
    for (QLineEdit *e : {m_kind, m_relatedType, m_relatedId})
        connect(e, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));

    connect(m_view->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPage::onCurrentChanged);
    // New jobs arrive on top: keep the selection on the same job, not the same row.
    connect(m_model, &LazyTableModelBase::rowsLoaded, this, &JobsPage::reselect);

    // The selected job's status and log follow the feed; bursts of log lines read once.
    m_detailDelay.setSingleShot(true);
    m_detailDelay.setInterval(150);
    connect(&m_detailDelay, &QTimer::timeout, this, &JobsPage::loadDetail);
    if (feed) {
        connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
            if (m_selectedId != 0 && (channel == channels::jobLog || channel == channels::jobs))
                m_detailDelay.start();
        });
        connect(feed, &ChangeFeed::listening, &m_detailDelay, qOverload<>(&QTimer::start));
    }
    connect(m_retry, &QPushButton::clicked, this, [this] { runAction(true); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { runAction(false); });
    clearDetail();
    applyFilters();
}

void JobsPage::setStatusFilter(const QString &status)
{
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
}

void JobsPage::setKindFilter(const QString &kind)
{
    m_kind->setText(kind);
    applyFilters();
}

void JobsPage::setRelatedFilter(const QString &type, const QString &id)
{
    m_relatedType->setText(type);
    m_relatedId->setText(id);
    applyFilters();
}

void JobsPage::applyFilters()
{
    m_filterDelay.stop();
    JobFilter filter;
    filter.status = jobStatusFromString(m_status->currentData().toString());
    filter.kind = m_kind->text().trimmed();
    filter.relatedType = m_relatedType->text().trimmed();
    filter.relatedId = m_relatedId->text().trimmed();
    m_model->setFilter(filter);
}

void JobsPage::selectJob(qint64 id)
{
    m_selectedId = id;
    reselect();
    loadDetail();
}

void JobsPage::onCurrentChanged()
{
    const QModelIndex current = m_view->table()->currentIndex();
    const qint64 id = current.isValid() ? current.data(IdRole).toString().toLongLong() : 0;
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    if (id == 0)
        clearDetail();
    else
        loadDetail();
}

void JobsPage::reselect()
{
    if (m_selectedId == 0)
        return;
    QTableView *table = m_view->table();
    const QModelIndex current = table->currentIndex();
    if (current.isValid() && current.data(IdRole).toString().toLongLong() == m_selectedId)
        return;
    const auto &rows = m_model->rows();
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).id == m_selectedId) {
            const QSignalBlocker block(table->selectionModel());
            table->selectionModel()->setCurrentIndex(
                m_model->index(i, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            table->viewport()->update();
            return;
        }
    }
    // The job left the filtered rows (or is not paged in): the selection no longer shows it.
    const QSignalBlocker block(table->selectionModel());
    table->selectionModel()->clearSelection();
}

void JobsPage::loadDetail()
{
    m_detailDelay.stop();
    if (m_selectedId == 0)
        return;
    // Only the newest answer counts: the selection may have moved on meanwhile.
    const quint64 generation = ++m_detailGeneration;
    const qint64 id = m_selectedId;
    commands::loadJob(m_session, this, id, [this, generation, id](const Result<commands::JobDetail> &detail) {
        if (generation != m_detailGeneration || id != m_selectedId)
            return;
        if (!detail) {
            m_detail->setText(tr("Job %1: %2").arg(id).arg(detail.error().message.toHtmlEscaped()));
            m_log->clear();
            m_retry->setEnabled(false);
            m_cancel->setEnabled(false);
        } else {
            showDetail(detail->job, detail->log);
        }
        Q_EMIT detailLoaded();
    });
}

void JobsPage::showDetail(const JobRecord &job, const QList<JobLogLine> &log)
{
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : tr("—");
    };
    QString status = JobTableModel::statusTitle(job.status);
    if (job.status == JobStatus::Running && job.cancelRequestedAt.isValid())
        status = tr("Running, cancel requested");
    QString text = tr("<b>Job %1</b> · %2 · <b>%3</b> · attempt %4 of %5 · due %6")
                       .arg(job.id)
                       .arg(job.kind.toHtmlEscaped(), status)
                       .arg(job.attempts)
                       .arg(job.maxAttempts)
                       .arg(time(job.runAt));
    if (!job.relatedType.isEmpty())
        text += tr(" · %1 %2").arg(job.relatedType.toHtmlEscaped(), job.relatedId.toHtmlEscaped());
    if (!job.lastError.isEmpty())
        text += tr("<br>Last error: %1").arg(job.lastError.toHtmlEscaped());
    m_detail->setText(text);

    QStringList lines;
    lines.reserve(log.size());
    for (const JobLogLine &l : log)
        lines << QStringLiteral("%1  #%2  %3")
                     .arg(l.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                     .arg(l.attempt)
                     .arg(l.line);
    const QString joined = lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n'));
    if (joined != m_log->toPlainText()) {
        // Follow the end of the log while the reader is there; leave them where they scrolled to.
        QScrollBar *bar = m_log->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        const int at = bar->value();
        m_log->setPlainText(joined);
        bar->setValue(atEnd ? bar->maximum() : at);
    }
    m_log->setPlaceholderText(tr("This job has no log lines yet."));

    m_retry->setEnabled(job.status == JobStatus::Failed || job.status == JobStatus::Dead ||
                        job.status == JobStatus::Cancelled);
    m_cancel->setEnabled(job.status == JobStatus::Queued || job.status == JobStatus::Failed ||
                         (job.status == JobStatus::Running && !job.cancelRequestedAt.isValid()));
}

void JobsPage::clearDetail()
{
    ++m_detailGeneration;
    m_detail->setText(tr("No job selected."));
    m_log->clear();
    m_log->setPlaceholderText(tr("Select a job to see its log."));
    m_retry->setEnabled(false);
    m_cancel->setEnabled(false);
}

void JobsPage::runAction(bool retry)
{
    const qint64 id = m_selectedId;
    if (id == 0)
        return;
    m_retry->setEnabled(false);
    m_cancel->setEnabled(false);
    auto reply = [this, id, retry](const Result<JobRecord> &job) {
        if (!job)
            showError(retry ? tr("Retry job %1").arg(id) : tr("Cancel job %1").arg(id), job.error().message);
        // The feed reloads the table; the detail is read now so the buttons are right at once.
        if (id == m_selectedId)
            loadDetail();
        Q_EMIT actionFinished(job.ok());
    };
    if (retry)
        commands::retryJob(m_session, this, id, reply);
    else
        commands::cancelJob(m_session, this, id, reply);
}

void JobsPage::showError(const QString &title, const QString &message)
{
    if (m_errorBox)
        m_errorBox->deleteLater();
    // Window-modal and non-blocking: live updates go on behind it.
    m_errorBox = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    m_errorBox->setObjectName(QStringLiteral("jobActionError"));
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
}

} // namespace mp
