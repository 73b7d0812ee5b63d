#pragma once

#include "monitoring/monitoring_store.h"

#include <QChartView>

class QDateTimeAxis;
class QValueAxis;

namespace mp {

// One chart of a node's metrics over time: a line per metric on a time axis. Drag across it to
// zoom into a stretch of time; a right click (or the page's range presets) zooms back out.
class NodeChart : public QChartView {
    Q_OBJECT
public:
    // `fixedMax` > 0 fixes the value axis (percentages); otherwise it follows the data.
    NodeChart(const QString &title, const QStringList &metrics, const QStringList &labels, double fixedMax,
              QWidget *parent = nullptr);

    void show(const QHash<QString, QList<monitoring::SeriesPoint>> &series, const QDateTime &from,
              const QDateTime &to);
    // Points drawn, over all lines (for tests).
    int pointCount() const;

private:
    QStringList m_metrics;
    double m_fixedMax;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
};

} // namespace mp
