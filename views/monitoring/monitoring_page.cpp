#include "monitoring_page.h"

#include "alert_table_model.h"
#include "check_status_model.h"
#include "console_session/change_feed.h"
#include "empty_state_label.h"
#include "monitoring/node_metrics.h"
#include "monitoring_channels.h"
#include "monitoring_snapshot.h"
#include "node_chart.h"
#include "slow_query_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mp {

namespace {

constexpr int kRefreshMs = 30 * 1000;

QTableView *tableOf(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

MonitoringPage::MonitoringPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_loader(new MonitoringLoader(session, this)), m_checks(new CheckStatusModel(this)),
      m_alerts(new AlertTableModel(this)), m_slowQueries(new SlowQueryModel(this)),
      m_node(new QComboBox(this)), m_range(new QComboBox(this)), m_summary(new QLabel(this)),
      m_usage(new NodeChart(tr("CPU, memory and disk use (%)"),
                            {monitoring::metrics::CpuPercent, monitoring::metrics::MemoryPercent,
                             monitoring::metrics::DiskPercent},
                            {tr("CPU"), tr("Memory"), tr("Fullest disk")}, 100, this)),
      m_load(
          new NodeChart(tr("Load average"),
                        {monitoring::metrics::Load1, monitoring::metrics::Load5, monitoring::metrics::Load15},
                        {tr("1 min"), tr("5 min"), tr("15 min")}, 0, this)),
      m_table(new QTableView(this)), m_tabs(new QTabWidget(this)), m_stack(new QStackedWidget(this)),
      m_empty(new QLabel(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("monitoringPage"));
    m_node->setObjectName(QStringLiteral("monitoringNode"));
    m_range->setObjectName(QStringLiteral("monitoringRange"));
    m_summary->setObjectName(QStringLiteral("monitoringSummary"));
    m_table->setObjectName(QStringLiteral("monitoringChecks"));
    styleAsEmptyState(m_empty, QStringLiteral("monitoringEmptyState"));
    m_empty->setText(
        tr("Nothing is monitored yet. Register a node's node_exporter with POST /api/monitoring/nodes "
           "and define HTTP, TCP or TLS checks with POST /api/monitoring/checks; their status and "
           "the node's charts show here."));
    for (const auto &[label, seconds] :
         {qMakePair(tr("Last hour"), 3600), qMakePair(tr("Last 6 hours"), 6 * 3600),
          qMakePair(tr("Last 24 hours"), 24 * 3600), qMakePair(tr("Last 48 hours"), 48 * 3600),
          qMakePair(tr("Last 7 days"), 7 * 86400), qMakePair(tr("Last 30 days"), 30 * 86400),
          qMakePair(tr("Last year"), 365 * 86400)})
        m_range->addItem(label, seconds);

    m_table->setModel(m_checks);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(CheckStatusModel::Name, 160);
    m_table->horizontalHeader()->resizeSection(CheckStatusModel::Target, 220);
    m_table->horizontalHeader()->resizeSection(CheckStatusModel::Checked, 150);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Node:"), this));
    m_node->setMinimumWidth(260);
    controls->addWidget(m_node);
    controls->addWidget(new QLabel(tr("Range:"), this));
    controls->addWidget(m_range);
    controls->addStretch();

    auto *charts = new QWidget(this);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    chartRow->addWidget(m_usage);
    chartRow->addWidget(m_load);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, content);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(controls);
    topLayout->addWidget(charts, 1);
    splitter->addWidget(top);
    m_tabs->setObjectName(QStringLiteral("monitoringTabs"));
    m_tabs->addTab(m_table, tr("Status board"));
    QTableView *alertsView = tableOf(m_alerts, QStringLiteral("monitoringAlerts"), m_tabs);
    alertsView->horizontalHeader()->resizeSection(AlertTableModel::Opened, 140);
    alertsView->horizontalHeader()->resizeSection(AlertTableModel::Subject, 220);
    alertsView->horizontalHeader()->resizeSection(AlertTableModel::Message, 320);
    m_tabs->addTab(alertsView, tr("Alerts"));
    QTableView *slowView = tableOf(m_slowQueries, QStringLiteral("monitoringSlowQueries"), m_tabs);
    slowView->horizontalHeader()->resizeSection(SlowQueryModel::Query, 460);
    m_tabs->addTab(slowView, tr("Slow queries"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    contentLayout->addWidget(splitter);

    m_stack->addWidget(content);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_loader, &MonitoringLoader::loaded, this, &MonitoringPage::display);
    connect(m_loader, &MonitoringLoader::failed, this, [this](const Error &e) {
        m_summary->setText(tr("Monitoring could not be read: %1").arg(e.message));
    });
    connect(m_node, &QComboBox::activated, this, &MonitoringPage::reload);
    connect(m_range, &QComboBox::activated, this, &MonitoringPage::reload);
    connect(m_timer, &QTimer::timeout, this, &MonitoringPage::reload);
    if (feed)
        connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
            if (channel == channels::monitoring)
                reload();
        });
    m_timer->start(kRefreshMs);
    reload();
}

bool MonitoringPage::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

qint64 MonitoringPage::rangeSeconds() const
{
    return m_range->currentData().toLongLong();
}

void MonitoringPage::reload()
{
    m_loader->load(m_node->currentData().toString(), rangeSeconds());
}

void MonitoringPage::display(const MonitoringSnapshot &s)
{
    const QJsonArray nodes = s.overview.value(QStringLiteral("nodes")).toArray();
    const QJsonArray checks = s.overview.value(QStringLiteral("checks")).toArray();
    m_node->clear();
    for (const QJsonValue &v : nodes) {
        const QJsonObject n = v.toObject();
        m_node->addItem(tr("%1 (%2)").arg(n.value(QStringLiteral("name")).toString(),
                                          n.value(QStringLiteral("status")).toString()),
                        n.value(QStringLiteral("id")).toString());
    }
    m_node->setCurrentIndex(qMax(0, m_node->findData(s.nodeId)));
    m_checks->setChecks(checks);
    m_alerts->setAlerts(s.alerts);
    m_slowQueries->setQueries(s.slowQueries);
    m_tabs->setTabText(1, tr("Alerts (%n open)", nullptr, m_alerts->openCount()));
    m_usage->show(s.series, s.from, s.to);
    m_load->show(s.series, s.from, s.to);
    m_summary->setText(
        tr("%n service(s) down", nullptr, s.overview.value(QStringLiteral("services_down")).toInt()) +
        QStringLiteral(" · ") +
        tr("%n degraded", nullptr, s.overview.value(QStringLiteral("services_degraded")).toInt()) +
        QStringLiteral(" · ") +
        tr("%n open alert(s)", nullptr, s.overview.value(QStringLiteral("open_alerts")).toInt()));
    m_stack->setCurrentWidget(nodes.isEmpty() && checks.isEmpty() && s.alerts.isEmpty()
                                  ? static_cast<QWidget *>(m_empty)
                                  : m_stack->widget(0));
    Q_EMIT refreshed();
}

} // namespace mp
