#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace mp {

class AlertTableModel;
class ChangeFeed;
class CheckStatusModel;
class SlowQueryModel;
class ConsoleSession;
class MonitoringLoader;
class NodeChart;
struct MonitoringSnapshot;

// The Monitoring section: a line of counts (services down, degraded, open alerts), the chosen
// node's CPU, memory and disk use and its load over a range preset (1 hour to a year, drag to
// zoom), and three tabs: the status board of the checks, the alerts, and the slow statements. Everything is
// read on the session's thread and refreshed when the monitoring tables change and every 30 s; with no node
// and no check it says how to add them.
class MonitoringPage : public QWidget {
    Q_OBJECT
public:
    MonitoringPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    CheckStatusModel *checks() const { return m_checks; }
    AlertTableModel *alerts() const { return m_alerts; }
    SlowQueryModel *slowQueries() const { return m_slowQueries; }
    QTabWidget *tabs() const { return m_tabs; }
    NodeChart *usageChart() const { return m_usage; }
    NodeChart *loadChart() const { return m_load; }
    bool showsEmptyState() const;
    void reload();

Q_SIGNALS:
    void refreshed();

private:
    void display(const MonitoringSnapshot &snapshot);
    qint64 rangeSeconds() const;

    MonitoringLoader *m_loader;
    CheckStatusModel *m_checks;
    AlertTableModel *m_alerts;
    SlowQueryModel *m_slowQueries;
    QComboBox *m_node;
    QComboBox *m_range;
    QLabel *m_summary;
    NodeChart *m_usage;
    NodeChart *m_load;
    QTableView *m_table;
    QTabWidget *m_tabs;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTimer *m_timer;
};

} // namespace mp
