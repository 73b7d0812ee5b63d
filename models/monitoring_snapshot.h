#pragma once

#include "core/result.h"
#include "monitoring/monitoring_store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

namespace mp {

class ConsoleSession;

// What the Monitoring section shows at one moment: the overview (nodes with their latest
// values, checks with their status, counts) and the chosen node's series over the chosen range.
struct MonitoringSnapshot {
    QJsonObject overview;
    QString nodeId; // the node the series are of; empty when there is none
    QDateTime from;
    QDateTime to;
    QHash<QString, QList<monitoring::SeriesPoint>> series; // metric -> points
    QJsonArray alerts;      // the newest first (open or not), MonitoringStore::alerts
    QJsonArray slowQueries; // the recorded slow statements, SlowQuery::toJson
};

// Loads snapshots on the session's thread (never the UI thread) and hands them back as signals.
// A load asked for while one runs is kept and run after it, so the page always ends on the
// newest request and never waits for two round trips at once.
class MonitoringLoader : public QObject {
    Q_OBJECT
public:
    explicit MonitoringLoader(ConsoleSession *session, QObject *parent = nullptr);

    // The series of `nodeId` (the first node when empty) over the last `rangeSeconds`; with
    // `rangeSeconds` 0 the overview and the alerts alone (the Dashboard's).
    void load(const QString &nodeId, qint64 rangeSeconds);
    bool busy() const { return m_busy; }

    // The metrics the charts draw.
    static QStringList chartedMetrics();

Q_SIGNALS:
    void loaded(const mp::MonitoringSnapshot &snapshot);
    void failed(const mp::Error &error);

private:
    void start();

    ConsoleSession *m_session;
    bool m_busy = false;
    bool m_pending = false;
    QString m_nodeId;
    qint64 m_rangeSeconds = 3600;
};

} // namespace mp
