#pragma once

#include "core/result.h"
#include "db/migrator.h"

#include <QSqlDatabase>

namespace mp {

// Readiness: is the database reachable and is its schema the one this binary expects?
// Cheap enough for every /readyz probe (one indexed query on an open connection).
Result<SchemaState> schemaStatus(const QSqlDatabase &db);

} // namespace mp
