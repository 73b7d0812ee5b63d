#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class JobContext;
}

namespace mp::monitoring {

// A statement as the window between two snapshots of pg_stat_statements saw it.
struct SlowQuery {
    qint64 queryId = 0;
    QString query; // normalized: constants are $1, $2...
    qint64 calls = 0;
    double meanMs = 0;
    double totalMs = 0;
    double maxMs = 0; // the largest single run since the statistics were last reset
    QDateTime firstSeen;
    QDateTime lastSeen;

    QJsonObject toJson() const;
};

// Slow statements from snapshots of pg_stat_statements (migration 0030), diffed by queryid so a
// window is reported without resetting the statistics anyone else reads.
class SlowQueries {
public:
    struct Options {
        double thresholdMs = 100;
        qint64 minGapS = 50; // two tenants' jobs in one minute take one snapshot
        qint64 keepDays = 8;
    };

    // Takes a snapshot and records what passed the threshold since the previous one; false
    // when it took none (too soon, or pg_stat_statements is not loaded).
    static Result<bool> snapshot(const QSqlDatabase &db, const QDateTime &now, const Options &options);
    // What ran between the last snapshot at or before `from` and the last one at or before `to`,
    // slowest mean first; statements under `minMeanMs` are left out.
    static Result<QList<SlowQuery>> window(const QSqlDatabase &db, const QDateTime &from, const QDateTime &to,
                                           double minMeanMs);
    // monitoring_slow_queries, most recently seen first.
    static Result<QList<SlowQuery>> recorded(const QSqlDatabase &db, int limit);
    // A slow_query alert for each statement the last snapshot recorded (seen within
    // kAlertFreshS); cleared once it has not been slow for an hour.
    static Status judgeAlerts(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now);

    static constexpr qint64 kAlertFreshS = 90;
};

// The minute job (per tenant): a pg_stat_statements snapshot (the cluster's, taken once a
// minute whichever tenant's job comes first), slow-query alerts, and job-failure alerts.
Status slowQueryJob(JobContext &ctx);

} // namespace mp::monitoring
