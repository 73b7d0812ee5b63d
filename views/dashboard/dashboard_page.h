#pragma once

#include "jobs/job_dashboard.h"

#include <QMap>
#include <QTimer>
#include <QVariant>
#include <QWidget>

#include <functional>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace mp {

class BusinessOverviewPanel;
class ChangeFeed;
class ConsoleSession;
class MonitoringOverview;

// The Dashboard section: the business overview (BusinessOverviewPanel) over the tenant's jobs
// per status and the failures of the last 24 hours (JobDashboard::load), all re-read when the
// change feed reports invoices, subscriptions, customers, pods or jobs changing, and the
// monitoring overview (services down, open alerts). With no jobs, or no failures, it says so
// plainly rather than showing an empty grid.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    using Open = std::function<bool(const QString &command, const QVariant &argument)>;

    DashboardPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);
    // `openSection` runs the command a tile stands for (SectionContext::runCommand).
    DashboardPage(ConsoleSession *session, ChangeFeed *feed, Open openSection, QWidget *parent = nullptr);

    BusinessOverviewPanel *overview() const { return m_overview; }
    // The channels whose changes re-read the figures.
    static QStringList channels();

    // Re-reads the figures now.
    void reload();
    // The count shown for `status` ("queued", ...), or -1 before the first load.
    qint64 shownCount(const QString &status) const;
    QTableWidget *failuresTable() const { return m_failures; }
    MonitoringOverview *monitoring() const { return m_monitoring; }
    QString failuresStateText() const;

Q_SIGNALS:
    // The figures were (re)read, or failed to be: see the status line.
    void loaded();

private:
    void showFigures(const JobDashboard &dashboard);

    ConsoleSession *m_session;
    BusinessOverviewPanel *m_overview;
    QMap<QString, QLabel *> m_counts;
    QLabel *m_status;
    QStackedWidget *m_failuresStack;
    QLabel *m_failuresEmpty;
    QTableWidget *m_failures;
    MonitoringOverview *m_monitoring = nullptr;
    QTimer m_delay;
    quint64 m_generation = 0;
};

} // namespace mp
