#pragma once

#include "api/body_values.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mp::monitoring {

// One point of a node's series: the mean of the samples in [at, at + step).
struct SeriesPoint {
    QDateTime at;
    double value = 0;
};

// Reads and writes of the monitoring tables in a tenant-scoped transaction (the API's, a job's,
// or a staff login's in the console): row-level security keeps each tenant's own.
class MonitoringStore {
public:
    // {nodes: [...], checks: [...], services_down, services_degraded, open_alerts}
    static Result<QJsonObject> overview(const QSqlDatabase &db);
    static Result<QJsonArray> checks(const QSqlDatabase &db);
    // Newest first; only one customer's (their services' checks) when `customerId` is set.
    static Result<QJsonArray> alerts(const QSqlDatabase &db, bool openOnly, int limit,
                                     const QString &customerId = {});
    // Averages per `stepS` seconds (at least 1) of one node's metric in [from, to), read from the
    // finest table that still holds `from` at `now` (seriesTable).
    static Result<QList<SeriesPoint>> series(const QSqlDatabase &db, const QString &nodeId,
                                             const QString &metric, const QDateTime &from,
                                             const QDateTime &to, qint64 stepS, const QDateTime &now);
    // monitoring_samples (raw, 48 hours), monitoring_samples_5m (30 days) or
    // monitoring_samples_1h (a year).
    static QString seriesTable(const QDateTime &from, const QDateTime &now);

    static Result<QJsonObject> addNode(const QSqlDatabase &db, const QString &tenantId,
                                       const api::BodyValues &body, const QDateTime &now);
    static Result<QJsonObject> addCheck(const QSqlDatabase &db, const QString &tenantId,
                                        const api::BodyValues &body, const QDateTime &now);
};

} // namespace mp::monitoring
