#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace mp::mail {

// Queues one of the module's jobs for one object (a mailbox or a domain), unique per kind and
// object so a repeated request queues nothing twice.
Result<qint64> queueMailJob(const QSqlDatabase &db, const QString &tenantId, const QString &kind,
                            const QString &relatedType, const QString &id);

} // namespace mp::mail
