#include "jobs/job_types.h"

#include <QJsonValue>

namespace mp {

namespace {
QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

QString toString(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QStringLiteral("queued");
    case JobStatus::Running:
        return QStringLiteral("running");
    case JobStatus::Completed:
        return QStringLiteral("completed");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    case JobStatus::Dead:
        return QStringLiteral("dead");
    case JobStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<JobStatus> jobStatusFromString(const QString &text)
{
    for (JobStatus s : {JobStatus::Queued, JobStatus::Running, JobStatus::Completed, JobStatus::Failed,
                        JobStatus::Dead, JobStatus::Cancelled}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

QJsonObject JobRecord::toJson() const
{
    QJsonObject related;
    if (!relatedType.isEmpty())
        related = QJsonObject{{QStringLiteral("type"), relatedType}, {QStringLiteral("id"), relatedId}};
    return QJsonObject{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("status"), toString(status)},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("run_at"), timeOrNull(runAt)},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("max_attempts"), maxAttempts},
        {QStringLiteral("unique_key"), textOrNull(uniqueKey)},
        {QStringLiteral("related"), related.isEmpty() ? QJsonValue() : QJsonValue(related)},
        {QStringLiteral("last_error"), textOrNull(lastError)},
        {QStringLiteral("worker"), textOrNull(lockedBy)},
        {QStringLiteral("heartbeat_at"), timeOrNull(heartbeatAt)},
        {QStringLiteral("cancel_requested_at"), timeOrNull(cancelRequestedAt)},
        {QStringLiteral("created_at"), timeOrNull(createdAt)},
        {QStringLiteral("started_at"), timeOrNull(startedAt)},
        {QStringLiteral("finished_at"), timeOrNull(finishedAt)},
    };
}

} // namespace mp
