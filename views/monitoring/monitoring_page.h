#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace mp {

class ChangeFeed;
class CheckStatusModel;
class ConsoleSession;
class MonitoringLoader;
class NodeChart;
struct MonitoringSnapshot;

// The Monitoring section: a line of counts (services down, degraded, open alerts), the chosen
// node's CPU, memory and disk use and its load over a range preset (1 h to 48 h, drag to zoom),
// and the status board of the checks. Everything is read on the session's thread and refreshed
// when the monitoring tables change and every 30 s; with no node and no check it says how to add
// them.
class MonitoringPage : public QWidget {
    Q_OBJECT
public:
    MonitoringPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    CheckStatusModel *checks() const { return m_checks; }
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
    QComboBox *m_node;
    QComboBox *m_range;
    QLabel *m_summary;
    NodeChart *m_usage;
    NodeChart *m_load;
    QTableView *m_table;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTimer *m_timer;
};

} // namespace mp
