#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace mp::domains {

// Queues one of the domain's jobs in the caller's transaction, unique by `uniqueKey` (empty:
// kind:domain), related to the domain so staff see its jobs with it. Returns the job's id.
Result<qint64> queueDomainJob(const QSqlDatabase &db, const QString &tenantId, const QString &kind,
                              const QString &domainId, const QJsonObject &payload = {},
                              const QString &uniqueKey = {});

} // namespace mp::domains
