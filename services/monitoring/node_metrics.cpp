#include "monitoring/node_metrics.h"

#include <QSet>

namespace mp::monitoring {

namespace metrics {
QStringList all()
{
    return {CpuPercent, MemoryPercent, MemoryAvailable, Load1,      Load5,
            Load15,     DiskPercent,   NetReceive,      NetTransmit};
}
} // namespace metrics

namespace {

// Filesystems that hold no data of the node's own (memory, images, kernel views).
bool realFilesystem(const QString &fstype)
{
    static const QSet<QString> virtualTypes{QStringLiteral("tmpfs"),    QStringLiteral("devtmpfs"),
                                            QStringLiteral("squashfs"), QStringLiteral("overlay"),
                                            QStringLiteral("ramfs"),    QStringLiteral("nsfs"),
                                            QStringLiteral("autofs"),   QStringLiteral("fuse.lxcfs")};
    return !virtualTypes.contains(fstype);
}

// Network devices that are not the node's traffic.
bool countedInterface(const QString &device)
{
    return device != QLatin1String("lo") && !device.startsWith(QLatin1String("veth"));
}

struct Counters {
    double cpuTotal = 0;
    double cpuIdle = 0;
    double rx = 0;
    double tx = 0;
};

Counters countersOf(const PromExposition &e)
{
    Counters c;
    for (const PromSample &s : e.named(QStringLiteral("node_cpu_seconds_total"))) {
        c.cpuTotal += s.value;
        const QString mode = s.label(QStringLiteral("mode"));
        if (mode == QLatin1String("idle") || mode == QLatin1String("iowait"))
            c.cpuIdle += s.value;
    }
    for (const PromSample &s : e.named(QStringLiteral("node_network_receive_bytes_total"))) {
        if (countedInterface(s.label(QStringLiteral("device"))))
            c.rx += s.value;
    }
    for (const PromSample &s : e.named(QStringLiteral("node_network_transmit_bytes_total"))) {
        if (countedInterface(s.label(QStringLiteral("device"))))
            c.tx += s.value;
    }
    return c;
}

} // namespace

NodeReading readNode(const PromExposition &e, const QJsonObject &previous, const QDateTime &now)
{
    NodeReading out;
    const Counters c = countersOf(e);
    const qint64 atMs = now.toMSecsSinceEpoch();
    out.counters = QJsonObject{{QStringLiteral("at_ms"), double(atMs)},
                               {QStringLiteral("cpu_total"), c.cpuTotal},
                               {QStringLiteral("cpu_idle"), c.cpuIdle},
                               {QStringLiteral("rx"), c.rx},
                               {QStringLiteral("tx"), c.tx}};

    if (previous.contains(QStringLiteral("at_ms"))) {
        const double seconds = (atMs - previous.value(QStringLiteral("at_ms")).toDouble()) / 1000.0;
        const double dTotal = c.cpuTotal - previous.value(QStringLiteral("cpu_total")).toDouble();
        const double dIdle = c.cpuIdle - previous.value(QStringLiteral("cpu_idle")).toDouble();
        if (dTotal > 0 && dIdle >= 0 && dIdle <= dTotal)
            out.values << qMakePair(metrics::CpuPercent, 100.0 * (1.0 - dIdle / dTotal));
        const double dRx = c.rx - previous.value(QStringLiteral("rx")).toDouble();
        const double dTx = c.tx - previous.value(QStringLiteral("tx")).toDouble();
        if (seconds > 0 && dRx >= 0 && dTx >= 0) {
            out.values << qMakePair(metrics::NetReceive, dRx / seconds);
            out.values << qMakePair(metrics::NetTransmit, dTx / seconds);
        }
    }

    const auto total = e.value(QStringLiteral("node_memory_MemTotal_bytes"));
    const auto available = e.value(QStringLiteral("node_memory_MemAvailable_bytes"));
    if (total && available && *total > 0) {
        out.values << qMakePair(metrics::MemoryPercent, 100.0 * (1.0 - *available / *total));
        out.values << qMakePair(metrics::MemoryAvailable, *available);
    }
    for (const auto &[name, metric] : {qMakePair(QStringLiteral("node_load1"), metrics::Load1),
                                       qMakePair(QStringLiteral("node_load5"), metrics::Load5),
                                       qMakePair(QStringLiteral("node_load15"), metrics::Load15)}) {
        if (const auto v = e.value(name))
            out.values << qMakePair(metric, *v);
    }

    std::optional<double> fullest;
    for (const PromSample &size : e.named(QStringLiteral("node_filesystem_size_bytes"))) {
        if (size.value <= 0 || !realFilesystem(size.label(QStringLiteral("fstype"))))
            continue;
        const auto avail = e.value(QStringLiteral("node_filesystem_avail_bytes"),
                                   {{QStringLiteral("mountpoint"), size.label(QStringLiteral("mountpoint"))},
                                    {QStringLiteral("device"), size.label(QStringLiteral("device"))}});
        if (!avail)
            continue;
        const double used = 100.0 * (1.0 - *avail / size.value);
        if (!fullest || used > *fullest)
            fullest = used;
    }
    if (fullest)
        out.values << qMakePair(metrics::DiskPercent, *fullest);
    return out;
}

} // namespace mp::monitoring
