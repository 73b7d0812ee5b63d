#include "mail/mail_job_queue.h"

#include "jobs/jobs.h"

namespace mp::mail {

Result<qint64> queueMailJob(const QSqlDatabase &db, const QString &tenantId, const QString &kind,
                            const QString &relatedType, const QString &id)
{
    JobSpec spec;
    spec.tenantId = tenantId;
    spec.kind = kind;
    spec.payload = QJsonObject{{QStringLiteral("id"), id}};
    spec.uniqueKey = kind + u':' + id;
    spec.maxAttempts = 10;
    spec.relatedType = relatedType;
    spec.relatedId = id;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    return job->id;
}

} // namespace mp::mail
