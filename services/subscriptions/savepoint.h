#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace mp::subscriptions {

// Runs `work` under a savepoint of the open transaction: its changes stay when it succeeds and
// are undone alone when it fails, so one subscription's failure never rolls back the others.
Status inSavepoint(const QSqlDatabase &db, const QString &name, const std::function<Status()> &work);

} // namespace mp::subscriptions
