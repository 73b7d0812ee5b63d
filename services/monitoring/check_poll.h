#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace mp::monitoring {

// Runs every due check of the transaction's tenant and records its status and alerts. Returns
// how many checks it ran.
Result<int> runDueChecks(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now);

} // namespace mp::monitoring
