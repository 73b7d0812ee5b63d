#pragma once

#include "monitoring/prometheus_text.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace mp::monitoring {

// The metric names mPanel keeps per node (monitoring_samples.metric).
namespace metrics {
inline const QString CpuPercent = QStringLiteral("cpu_percent");       // non-idle share, 0..100
inline const QString MemoryPercent = QStringLiteral("memory_percent"); // used (not available), 0..100
inline const QString MemoryAvailable = QStringLiteral("memory_available_bytes");
inline const QString Load1 = QStringLiteral("load1");
inline const QString Load5 = QStringLiteral("load5");
inline const QString Load15 = QStringLiteral("load15");
inline const QString DiskPercent = QStringLiteral("disk_percent"); // the fullest real filesystem
inline const QString NetReceive = QStringLiteral("net_receive_bytes_per_s");
inline const QString NetTransmit = QStringLiteral("net_transmit_bytes_per_s");
QStringList all();
} // namespace metrics

// What one scrape of node_exporter gives: the gauges at once, and the rates (CPU, network)
// from the counters of the previous scrape, which `counters` carries to the next one.
struct NodeReading {
    QList<QPair<QString, double>> values;
    QJsonObject counters;
};

// Reads node_exporter's metric names (node_cpu_seconds_total, node_memory_*, node_load*,
// node_filesystem_*, node_network_*_bytes_total). `previous` is the last scrape's `counters`
// ({} on the first: no rates yet). A counter that went backwards (a reboot) gives no rate.
NodeReading readNode(const PromExposition &exposition, const QJsonObject &previous, const QDateTime &now);

} // namespace mp::monitoring
