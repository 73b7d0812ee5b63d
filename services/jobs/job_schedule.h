#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QTime>

namespace mp {

// Work the engine enqueues by itself: every N milliseconds (periods aligned to the Unix epoch),
// or daily at a UTC time. Each period enqueues one job per tenant, once, however many service
// instances run: the instance that advances the schedule's row in job_schedules enqueues, in the
// same statement; the others find the row already advanced.
struct JobSchedule {
    QString name; // stable: the key of its row in job_schedules
    QString kind;
    QJsonObject payload;
    qint64 everyMs = 0; // > 0: every N ms; otherwise daily at `dailyAt`
    QTime dailyAt;
    int maxAttempts = 5;

    // Start of the period `now` falls in.
    QDateTime periodStart(const QDateTime &now) const;
};

// Enqueues the current period of every schedule that no instance has enqueued yet, on the
// service's own (RLS-exempt) connection, at the service clock's `now`. Returns the number of
// jobs inserted. A schedule seen for the first time enqueues its current period at once.
Result<int> enqueueDueSchedules(const QSqlDatabase &db, const QList<JobSchedule> &schedules,
                                const QDateTime &now);

} // namespace mp
