#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mp {

enum class JobStatus { Queued, Running, Completed, Failed, Dead, Cancelled };

QString toString(JobStatus status);
std::optional<JobStatus> jobStatusFromString(const QString &text);

// What to enqueue. Only `kind` is required; the tenant is the job's owner and must be the
// tenant of the transaction it is enqueued in when that is a tenant transaction.
struct JobSpec {
    QString tenantId;
    QString kind;
    QJsonObject payload;
    int priority = 0; // lower runs first
    QDateTime runAt;  // null: now (by the service clock)
    int maxAttempts = 20;
    QString uniqueKey; // empty: none
    // With a unique key whose job is pending already: that job still runs after this transaction
    // commits, so it sees what the transaction wrote. A queued one is held (row lock) until then;
    // a running one is marked and runs once more when it completes. For jobs that bring
    // something to a recorded wish (a pod's power state), where a run that started before the
    // wish changed would otherwise end the matter.
    bool rerunIfRunning = false;
    QString relatedType, relatedId; // both or neither
};

struct EnqueuedJob {
    qint64 id = 0;
    bool created = true; // false: a job with the same unique key was already pending
};

struct JobRecord {
    qint64 id = 0;
    QString tenantId;
    QString kind;
    QJsonObject payload;
    int priority = 0;
    QDateTime runAt;
    JobStatus status = JobStatus::Queued;
    int attempts = 0;
    int maxAttempts = 0;
    QString uniqueKey;
    QString relatedType, relatedId;
    QString lastError;
    QString lockedBy;
    QDateTime heartbeatAt, cancelRequestedAt, createdAt, startedAt, finishedAt;

    QJsonObject toJson() const;
};

struct JobLogLine {
    QDateTime at;
    int attempt = 0;
    QString line;
};

} // namespace mp
