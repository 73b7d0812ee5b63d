#include "monitoring_snapshot.h"

#include "console_session/console_session.h"
#include "console_session/staff_transaction.h"
#include "core/clock.h"
#include "monitoring/node_metrics.h"
#include "monitoring/slow_queries.h"

#include <QJsonArray>

namespace mp {

namespace {

constexpr int kAlertRows = 200;
constexpr int kSlowQueryRows = 100;

// About 300 points per chart, whatever the range.
qint64 stepFor(qint64 rangeSeconds)
{
    return qMax<qint64>(10, rangeSeconds / 300);
}

Result<MonitoringSnapshot> read(TenantTransaction &tx, const QString &wanted, qint64 rangeSeconds)
{
    MonitoringSnapshot s;
    auto overview = monitoring::MonitoringStore::overview(tx.db());
    if (!overview)
        return overview.error();
    s.overview = *overview;
    auto alerts = monitoring::MonitoringStore::alerts(tx.db(), false, kAlertRows);
    if (!alerts)
        return alerts.error();
    s.alerts = *alerts;
    if (rangeSeconds <= 0)
        return s;
    auto slow = monitoring::SlowQueries::recorded(tx.db(), kSlowQueryRows);
    if (!slow)
        return slow.error();
    for (const monitoring::SlowQuery &q : std::as_const(*slow))
        s.slowQueries.append(q.toJson());
    const QJsonArray nodes = s.overview.value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &n : nodes) {
        const QString id = n.toObject().value(QStringLiteral("id")).toString();
        if (s.nodeId.isEmpty() || id == wanted)
            s.nodeId = id;
        if (id == wanted)
            break;
    }
    s.to = Clock::current().now();
    s.from = s.to.addSecs(-rangeSeconds);
    if (s.nodeId.isEmpty())
        return s;
    for (const QString &metric : MonitoringLoader::chartedMetrics()) {
        auto points = monitoring::MonitoringStore::series(tx.db(), s.nodeId, metric, s.from, s.to,
                                                          stepFor(rangeSeconds), s.to);
        if (!points)
            return points.error();
        s.series.insert(metric, *points);
    }
    return s;
}

} // namespace

MonitoringLoader::MonitoringLoader(ConsoleSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

QStringList MonitoringLoader::chartedMetrics()
{
    using namespace monitoring::metrics;
    return {CpuPercent, MemoryPercent, DiskPercent, Load1, Load5, Load15};
}

void MonitoringLoader::load(const QString &nodeId, qint64 rangeSeconds)
{
    m_nodeId = nodeId;
    m_rangeSeconds = rangeSeconds;
    if (m_busy) {
        m_pending = true;
        return;
    }
    start();
}

void MonitoringLoader::start()
{
    m_busy = true;
    m_pending = false;
    m_session->run(
        this,
        [node = m_nodeId, range = m_rangeSeconds](StaffSession &session) {
            return inStaffTransaction(session, [&](TenantTransaction &tx) { return read(tx, node, range); });
        },
        [this](const Result<MonitoringSnapshot> &result) {
            m_busy = false;
            if (result)
                Q_EMIT loaded(*result);
            else
                Q_EMIT failed(result.error());
            if (m_pending)
                start();
        });
}

} // namespace mp
