#include "node_chart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace mp {

NodeChart::NodeChart(const QString &title, const QStringList &metrics, const QStringList &labels,
                     double fixedMax, QWidget *parent)
    : QChartView(parent), m_metrics(metrics), m_fixedMax(fixedMax), m_time(new QDateTimeAxis),
      m_values(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(7);
    m_values->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_values, Qt::AlignLeft);
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(labels.value(i, metrics.at(i)));
        chart->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_values);
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMinimumHeight(180);
}

void NodeChart::show(const QHash<QString, QList<monitoring::SeriesPoint>> &series, const QDateTime &from,
                     const QDateTime &to)
{
    double high = 0;
    const QList<QAbstractSeries *> lines = chart()->series();
    for (qsizetype i = 0; i < m_metrics.size() && i < lines.size(); ++i) {
        auto *line = static_cast<QLineSeries *>(lines.at(i));
        QList<QPointF> points;
        for (const monitoring::SeriesPoint &p : series.value(m_metrics.at(i))) {
            points << QPointF(double(p.at.toMSecsSinceEpoch()), p.value);
            high = qMax(high, p.value);
        }
        line->replace(points);
    }
    chart()->zoomReset();
    m_time->setFormat(from.secsTo(to) > 2 * 86400 ? QStringLiteral("dd.MM HH:mm") : QStringLiteral("HH:mm"));
    m_time->setRange(from.toLocalTime(), to.toLocalTime());
    m_values->setRange(0, m_fixedMax > 0 ? m_fixedMax : qMax(1.0, high * 1.2));
}

int NodeChart::pointCount() const
{
    int n = 0;
    for (QAbstractSeries *s : chart()->series())
        n += int(static_cast<QLineSeries *>(s)->count());
    return n;
}

} // namespace mp
