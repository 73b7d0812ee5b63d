#pragma once

#include "dashboard/business_overview.h"

#include <QMap>
#include <QVariant>
#include <QWidget>

#include <functional>

class QChartView;
class QLabel;

namespace mp {

class ConsoleSession;
class DashboardTile;
class RevenueMonthModel;

// The business half of the Dashboard: revenue this month and MRR with a 12-month revenue chart,
// open and overdue invoices with their amounts, renewals due in the next 7 days, new customers,
// pods by state and the last day's job throughput. Every tile opens the section listing what
// it counts (through `openSection`, a SectionContext::runCommand), filtered where the section
// can filter. Figures come from dashboard::BusinessOverview; money is shown as the locale writes it.
class BusinessOverviewPanel : public QWidget {
    Q_OBJECT
public:
    using Open = std::function<bool(const QString &command, const QVariant &argument)>;

    BusinessOverviewPanel(ConsoleSession *session, Open openSection, QWidget *parent = nullptr);

    void reload();
    DashboardTile *tile(const QString &name) const { return m_tiles.value(name); }
    RevenueMonthModel *revenue() const { return m_revenue; }
    QChartView *chart() const { return m_chart; }
    QString statusText() const;

Q_SIGNALS:
    void loaded();

private:
    DashboardTile *addTile(const QString &name, const QString &title, const QString &command,
                           const QVariant &argument);
    void show(const dashboard::BusinessOverview &overview);
    void showChart();

    ConsoleSession *m_session;
    Open m_open;
    QMap<QString, DashboardTile *> m_tiles;
    RevenueMonthModel *m_revenue;
    QChartView *m_chart;
    QLabel *m_status;
    quint64 m_generation = 0;
};

// "4,99 € · 3,00 $" : one amount per currency, in the console's locale; "–" for none.
QString amountsText(const dashboard::AmountsByCurrency &amounts);

} // namespace mp
