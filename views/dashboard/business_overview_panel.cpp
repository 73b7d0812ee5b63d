#include "business_overview_panel.h"

#include "console_section.h"
#include "dashboard_commands.h"
#include "dashboard_tile.h"
#include "money_text.h"
#include "revenue_month_model.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

namespace mp {

QString amountsText(const dashboard::AmountsByCurrency &amounts)
{
    QStringList parts;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
        parts << localeMoneyText(it.value(), it.key());
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(" · "));
}

namespace {

// Billing's command for its invoice list filtered by {status, overdue} (billing_section.cpp).
const QString kInvoicesCommand = QStringLiteral("billing.invoices");

QString podStateTitle(const QString &state)
{
    if (state == QLatin1String("pending"))
        return BusinessOverviewPanel::tr("pending");
    if (state == QLatin1String("provisioning"))
        return BusinessOverviewPanel::tr("provisioning");
    if (state == QLatin1String("active"))
        return BusinessOverviewPanel::tr("active");
    if (state == QLatin1String("suspended"))
        return BusinessOverviewPanel::tr("suspended");
    if (state == QLatin1String("error"))
        return BusinessOverviewPanel::tr("error");
    if (state == QLatin1String("terminated"))
        return BusinessOverviewPanel::tr("terminated");
    return state;
}

} // namespace

BusinessOverviewPanel::BusinessOverviewPanel(ConsoleSession *session, Open openSection, QWidget *parent)
    : QWidget(parent), m_session(session), m_open(std::move(openSection)),
      m_revenue(new RevenueMonthModel(this)), m_chart(new QChartView(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("businessOverview"));
    const QString show = kShowSectionCommand;
    auto *tiles = new QGridLayout;
    const auto place = [&](DashboardTile *t, int row, int column) { tiles->addWidget(t, row, column); };
    place(addTile(QStringLiteral("revenue"), tr("Revenue this month"), kInvoicesCommand,
                  QVariantMap{{QStringLiteral("status"), QStringLiteral("paid")}}),
          0, 0);
    place(addTile(QStringLiteral("mrr"), tr("Monthly recurring revenue"), show,
                  QStringLiteral("subscriptions")),
          0, 1);
    place(addTile(QStringLiteral("open"), tr("Open invoices"), kInvoicesCommand,
                  QVariantMap{{QStringLiteral("status"), QStringLiteral("unpaid")}}),
          0, 2);
    place(addTile(QStringLiteral("overdue"), tr("Overdue invoices"), kInvoicesCommand,
                  QVariantMap{{QStringLiteral("status"), QStringLiteral("unpaid")},
                              {QStringLiteral("overdue"), true}}),
          0, 3);
    place(
        addTile(QStringLiteral("renewals"), tr("Renewals in 7 days"), show, QStringLiteral("subscriptions")),
        1, 0);
    place(addTile(QStringLiteral("customers"), tr("New customers this month"), show,
                  QStringLiteral("customers")),
          1, 1);
    place(addTile(QStringLiteral("pods"), tr("CloudPods"), show, QStringLiteral("provisioning")), 1, 2);
    place(addTile(QStringLiteral("jobs"), tr("Jobs in the last 24 hours"), show, QStringLiteral("jobs")), 1,
          3);

    m_chart->setObjectName(QStringLiteral("revenueChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(170);
    m_status->setObjectName(QStringLiteral("overviewStatus"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *left = new QVBoxLayout;
    left->addLayout(tiles);
    left->addWidget(m_status);
    left->addStretch();
    layout->addLayout(left, 3);
    layout->addWidget(m_chart, 2);
}

DashboardTile *BusinessOverviewPanel::addTile(const QString &name, const QString &title,
                                              const QString &command, const QVariant &argument)
{
    auto *t = new DashboardTile(QStringLiteral("tile_") + name, title, this);
    connect(t, &QPushButton::clicked, this, [this, command, argument] {
        if (m_open)
            m_open(command, argument);
    });
    m_tiles.insert(name, t);
    return t;
}

QString BusinessOverviewPanel::statusText() const
{
    return m_status->text();
}

void BusinessOverviewPanel::reload()
{
    const quint64 generation = ++m_generation;
    commands::loadBusinessOverview(
        m_session, this, [this, generation](const Result<dashboard::BusinessOverview> &r) {
            if (generation != m_generation)
                return;
            if (r) {
                show(*r);
                m_status->setText(
                    tr("Updated %1")
                        .arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)));
            } else {
                m_status->setText(tr("Could not read the figures: %1").arg(r.error().message));
            }
            Q_EMIT loaded();
        });
}

void BusinessOverviewPanel::show(const dashboard::BusinessOverview &o)
{
    const QLocale locale;
    m_tiles.value(QStringLiteral("revenue"))
        ->setFigures(amountsText(o.revenueThisMonth()),
                     tr("paid invoices, %1").arg(locale.toString(o.today, QStringLiteral("MMMM yyyy"))));
    m_tiles.value(QStringLiteral("mrr"))
        ->setFigures(amountsText(o.mrr), tr("active subscriptions, per month"));
    m_tiles.value(QStringLiteral("open"))
        ->setFigures(locale.toString(o.open.count), amountsText(o.open.amounts));
    m_tiles.value(QStringLiteral("overdue"))
        ->setFigures(locale.toString(o.overdue.count), amountsText(o.overdue.amounts));
    m_tiles.value(QStringLiteral("overdue"))->setAttention(o.overdue.count > 0);
    m_tiles.value(QStringLiteral("renewals"))
        ->setFigures(locale.toString(o.renewalsDue.count), amountsText(o.renewalsDue.amounts));
    m_tiles.value(QStringLiteral("customers"))->setFigures(locale.toString(o.newCustomers));

    qint64 pods = 0;
    QStringList states;
    for (auto it = o.podsByState.cbegin(); it != o.podsByState.cend(); ++it) {
        if (it.key() == QLatin1String("terminated"))
            continue;
        pods += it.value();
        states << QStringLiteral("%1 %2").arg(locale.toString(it.value()), podStateTitle(it.key()));
    }
    m_tiles.value(QStringLiteral("pods"))
        ->setFigures(locale.toString(pods),
                     states.isEmpty() ? tr("none yet") : states.join(QStringLiteral(", ")));
    m_tiles.value(QStringLiteral("pods"))->setAttention(o.podsByState.value(QStringLiteral("error")) > 0);
    m_tiles.value(QStringLiteral("jobs"))
        ->setFigures(locale.toString(o.jobsCompleted),
                     tr("completed; %1 failed, %2 waiting")
                         .arg(locale.toString(o.jobsFailed), locale.toString(o.jobsWaiting)));
    m_tiles.value(QStringLiteral("jobs"))->setAttention(o.jobsFailed > 0);

    m_revenue->setMonths(o.revenueByMonth);
    showChart();
}

void BusinessOverviewPanel::showChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Revenue by month (paid invoices)"));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setVisible(m_revenue->columnCount() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *series = new QBarSeries(chart);
    double top = 0;
    for (int c = 0; c < m_revenue->columnCount(); ++c) {
        auto *set = new QBarSet(m_revenue->headerData(c, Qt::Horizontal).toString(), series);
        for (int r = 0; r < m_revenue->rowCount(); ++r) {
            const double v = m_revenue->index(r, c).data(RevenueMonthModel::ChartValueRole).toDouble();
            set->append(v);
            top = std::max(top, v);
        }
        series->append(set);
    }
    chart->addSeries(series);
    QStringList months;
    for (int r = 0; r < m_revenue->rowCount(); ++r)
        months << m_revenue->headerData(r, Qt::Vertical).toString();
    auto *x = new QBarCategoryAxis(chart);
    x->append(months);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    x->setLabelsFont(small);
    x->setLabelsAngle(-90);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setLabelsFont(small);
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

} // namespace mp
