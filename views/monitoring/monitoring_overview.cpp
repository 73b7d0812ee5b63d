#include "monitoring_overview.h"

#include "alert_table_model.h"
#include "console_session/change_feed.h"
#include "monitoring_channels.h"
#include "monitoring_snapshot.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mp {

namespace {

constexpr int kRefreshMs = 30 * 1000;

} // namespace

MonitoringOverview::MonitoringOverview(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_loader(new MonitoringLoader(session, this)), m_alerts(new AlertTableModel(this)),
      m_summary(new QLabel(this)), m_stack(new QStackedWidget(this)), m_allClear(new QLabel(this)),
      m_table(new QTableView(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("monitoringOverview"));
    m_summary->setObjectName(QStringLiteral("monitoringOverviewSummary"));
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_summary->setFont(big);
    m_summary->setText(tr("Loading…"));
    m_allClear->setWordWrap(true);
    m_allClear->setForegroundRole(QPalette::PlaceholderText);
    m_table->setObjectName(QStringLiteral("monitoringOpenAlerts"));
    m_table->setModel(m_alerts);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->hideColumn(AlertTableModel::Cleared);
    m_table->horizontalHeader()->resizeSection(AlertTableModel::Opened, 140);
    m_table->horizontalHeader()->resizeSection(AlertTableModel::Subject, 220);
    m_stack->addWidget(m_allClear);
    m_stack->addWidget(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<h3>Monitoring</h3>"), this));
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_loader, &MonitoringLoader::loaded, this, &MonitoringOverview::display);
    connect(m_loader, &MonitoringLoader::failed, this, [this](const Error &e) {
        m_summary->setText(tr("Monitoring could not be read: %1").arg(e.message));
        Q_EMIT refreshed();
    });
    connect(m_timer, &QTimer::timeout, this, &MonitoringOverview::reload);
    if (feed)
        connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
            if (channel == channels::monitoring)
                reload();
        });
    m_timer->start(kRefreshMs);
    reload();
}

void MonitoringOverview::reload()
{
    m_loader->load(QString(), 0);
}

QString MonitoringOverview::summaryText() const
{
    return m_summary->text();
}

bool MonitoringOverview::showsAllClear() const
{
    return m_stack->currentWidget() == m_allClear;
}

void MonitoringOverview::display(const MonitoringSnapshot &s)
{
    QJsonArray open;
    for (const QJsonValue &v : s.alerts) {
        const QJsonValue closed = v.toObject().value(QStringLiteral("closed_at"));
        if (closed.isNull() || closed.isUndefined())
            open.append(v);
    }
    m_alerts->setAlerts(open);
    const int down = s.overview.value(QStringLiteral("services_down")).toInt();
    m_summary->setText(
        tr("%n service(s) down", nullptr, down) + QStringLiteral(" · ") +
        tr("%n degraded", nullptr, s.overview.value(QStringLiteral("services_degraded")).toInt()) +
        QStringLiteral(" · ") + tr("%n open alert(s)", nullptr, int(open.size())));
    const bool monitored = !s.overview.value(QStringLiteral("nodes")).toArray().isEmpty() ||
                           !s.overview.value(QStringLiteral("checks")).toArray().isEmpty();
    m_allClear->setText(monitored ? tr("No open alert: every monitored service answers.")
                                  : tr("Nothing is monitored yet: nodes and checks are added in the "
                                       "Monitoring section's API (see its empty state)."));
    m_stack->setCurrentWidget(open.isEmpty() ? static_cast<QWidget *>(m_allClear) : m_table);
    Q_EMIT refreshed();
}

} // namespace mp
