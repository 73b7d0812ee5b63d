#pragma once

#include "core/result.h"
#include "jobs/job_types.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace mp {

// A failure staff should look at: a job waiting for its next attempt, or dead.
struct JobFailure {
    qint64 id = 0;
    QString kind;
    JobStatus status = JobStatus::Failed; // Failed or Dead
    int attempts = 0;
    int maxAttempts = 0;
    QString lastError;
    QString relatedType, relatedId;
    QDateTime at; // when the attempt ended (finished_at, else started_at)
};

// The figures of the console's dashboard: jobs per status (every status present, zero or not)
// and the failures of the last 24 hours, newest first. The queries see what the connection's
// row-level security lets them see: a staff login its own tenant.
struct JobDashboard {
    QMap<QString, qint64> countsByStatus;
    QList<JobFailure> recentFailures;

    static constexpr int kMaxFailures = 100;
    static Result<JobDashboard> load(const QSqlDatabase &db, const QDateTime &now);
};

} // namespace mp
