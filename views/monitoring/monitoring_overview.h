#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace mp {

class AlertTableModel;
class ChangeFeed;
class ConsoleSession;
class MonitoringLoader;
struct MonitoringSnapshot;

// The monitoring overview on the Dashboard: services down and degraded, open alerts, and the
// open alerts themselves (newest first). Read on the session's thread when the monitoring tables
// change and every 30 s; says so plainly when nothing is down.
class MonitoringOverview : public QWidget {
    Q_OBJECT
public:
    MonitoringOverview(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    AlertTableModel *openAlerts() const { return m_alerts; }
    QString summaryText() const;
    bool showsAllClear() const;
    void reload();

Q_SIGNALS:
    void refreshed();

private:
    void display(const MonitoringSnapshot &snapshot);

    MonitoringLoader *m_loader;
    AlertTableModel *m_alerts;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QLabel *m_allClear;
    QTableView *m_table;
    QTimer *m_timer;
};

} // namespace mp
