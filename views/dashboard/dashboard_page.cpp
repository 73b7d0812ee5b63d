#include "dashboard_page.h"

#include "billing_commands.h"
#include "business_overview_panel.h"
#include "cloudpod_commands.h"
#include "console_session/change_feed.h"
#include "customer_commands.h"
#include "job_commands.h"
#include "job_table_model.h"
#include "monitoring/monitoring_overview.h"
#include "subscription_commands.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mp {

namespace {

enum FailureColumn {
    IdColumn,
    KindColumn,
    StatusColumn,
    AttemptsColumn,
    RelatedColumn,
    AtColumn,
    ErrorColumn,
    ColumnCount
};

} // namespace

QStringList DashboardPage::channels()
{
    return {channels::jobs, channels::invoices, channels::subscriptions, channels::customers,
            channels::cloudPods};
}

DashboardPage::DashboardPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : DashboardPage(session, feed, Open(), parent)
{
}

DashboardPage::DashboardPage(ConsoleSession *session, ChangeFeed *feed, Open openSection, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_overview(new BusinessOverviewPanel(session, std::move(openSection), this)),
      m_status(new QLabel(this)), m_failuresStack(new QStackedWidget(this)),
      m_failuresEmpty(new QLabel(this)), m_failures(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("dashboardPage"));

    auto *tiles = new QHBoxLayout;
    for (JobStatus s : JobTableModel::allStatuses()) {
        auto *tile = new QFrame(this);
        tile->setFrameShape(QFrame::StyledPanel);
        auto *tileLayout = new QVBoxLayout(tile);
        auto *count = new QLabel(QStringLiteral("…"), tile);
        count->setObjectName(QStringLiteral("count_%1").arg(toString(s)));
        QFont big = count->font();
        big.setPointSizeF(big.pointSizeF() * 2);
        big.setBold(true);
        count->setFont(big);
        count->setAlignment(Qt::AlignCenter);
        auto *title = new QLabel(JobTableModel::statusTitle(s), tile);
        title->setAlignment(Qt::AlignCenter);
        tileLayout->addWidget(count);
        tileLayout->addWidget(title);
        tiles->addWidget(tile);
        m_counts.insert(toString(s), count);
    }

    m_failures->setObjectName(QStringLiteral("recentFailures"));
    m_failures->setHorizontalHeaderLabels(
        {tr("Job"), tr("Kind"), tr("Status"), tr("Attempts"), tr("Related to"), tr("When"), tr("Error")});
    m_failures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_failures->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_failures->verticalHeader()->hide();
    m_failures->setWordWrap(false);
    m_failures->horizontalHeader()->resizeSection(StatusColumn, 120);
    m_failures->horizontalHeader()->setStretchLastSection(true);
    m_failures->horizontalHeader()->resizeSection(IdColumn, 60);
    m_failures->horizontalHeader()->resizeSection(KindColumn, 170);
    m_failures->horizontalHeader()->resizeSection(RelatedColumn, 150);
    m_failures->horizontalHeader()->resizeSection(AtColumn, 145);
    m_failuresEmpty->setAlignment(Qt::AlignCenter);
    m_failuresEmpty->setWordWrap(true);
    m_failuresStack->addWidget(m_failuresEmpty);
    m_failuresStack->addWidget(m_failures);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Dashboard</h2>"), this));
    layout->addWidget(m_overview);
    layout->addWidget(new QLabel(tr("<b>Jobs by status</b>"), this));
    layout->addLayout(tiles);
    layout->addWidget(new QLabel(tr("<b>Failures in the last 24 hours</b>"), this));
    layout->addWidget(m_failuresStack, 1);
    m_monitoring = new MonitoringOverview(session, feed, this);
    layout->addWidget(m_monitoring, 1);
    layout->addWidget(m_status);

    // A burst of job changes (a batch of completions) reads the figures once.
    m_delay.setSingleShot(true);
    m_delay.setInterval(300);
    connect(&m_delay, &QTimer::timeout, this, &DashboardPage::reload);
    if (feed) {
        connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
            if (channels().contains(channel))
                m_delay.start();
        });
        connect(feed, &ChangeFeed::listening, &m_delay, qOverload<>(&QTimer::start));
    }
    m_failuresEmpty->setText(tr("Loading…"));
    reload();
}

void DashboardPage::reload()
{
    m_delay.stop();
    m_overview->reload();
    const quint64 generation = ++m_generation;
    commands::loadJobDashboard(m_session, this, [this, generation](const Result<JobDashboard> &dashboard) {
        if (generation != m_generation)
            return;
        if (dashboard) {
            showFigures(*dashboard);
            m_status->setText(tr("Updated %1").arg(QLocale().toString(QDateTime::currentDateTime().time())));
        } else {
            m_status->setText(tr("Could not read the job figures: %1").arg(dashboard.error().message));
        }
        Q_EMIT loaded();
    });
}

qint64 DashboardPage::shownCount(const QString &status) const
{
    const QLabel *label = m_counts.value(status);
    bool ok = false;
    const qint64 n = label ? QLocale().toLongLong(label->text(), &ok) : 0;
    return ok ? n : -1;
}

QString DashboardPage::failuresStateText() const
{
    return m_failuresStack->currentWidget() == m_failuresEmpty ? m_failuresEmpty->text() : QString();
}

void DashboardPage::showFigures(const JobDashboard &dashboard)
{
    qint64 total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        const qint64 n = dashboard.countsByStatus.value(it.key());
        total += n;
        it.value()->setText(QLocale().toString(n));
    }

    const QList<JobFailure> &failures = dashboard.recentFailures;
    if (failures.isEmpty()) {
        m_failuresEmpty->setText(total == 0 ? tr("No jobs yet: provisioning, invoicing and other background "
                                                 "work will show here once it runs.")
                                            : tr("No job failed in the last 24 hours."));
        m_failuresStack->setCurrentWidget(m_failuresEmpty);
        return;
    }
    m_failures->setRowCount(int(failures.size()));
    for (int r = 0; r < failures.size(); ++r) {
        const JobFailure &f = failures.at(r);
        const QString status = f.status == JobStatus::Dead ? tr("Dead") : tr("Failed, will retry");
        const QStringList cells{
            QString::number(f.id),
            f.kind,
            status,
            tr("%1 of %2").arg(f.attempts).arg(f.maxAttempts),
            f.relatedType.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(f.relatedType, f.relatedId),
            QLocale().toString(f.at.toLocalTime(), QLocale::ShortFormat),
            f.lastError.section(QLatin1Char('\n'), 0, 0)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == ErrorColumn)
                item->setToolTip(f.lastError);
            m_failures->setItem(r, c, item);
        }
    }
    m_failuresStack->setCurrentWidget(m_failures);
}

} // namespace mp
