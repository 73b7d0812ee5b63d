#include "domains/domain_jobs_queue.h"

#include "domains/domain.h"
#include "jobs/jobs.h"

namespace mp::domains {

Result<qint64> queueDomainJob(const QSqlDatabase &db, const QString &tenantId, const QString &kind,
                              const QString &domainId, const QJsonObject &payload, const QString &uniqueKey)
{
    JobSpec spec;
    spec.tenantId = tenantId;
    spec.kind = kind;
    spec.payload = payload;
    spec.payload.insert(QStringLiteral("domain_id"), domainId);
    spec.uniqueKey = uniqueKey.isEmpty() ? QStringLiteral("%1:%2").arg(kind, domainId) : uniqueKey;
    spec.maxAttempts = 10;
    spec.relatedType = kRelatedType;
    spec.relatedId = domainId;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    return job->id;
}

} // namespace mp::domains
