#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace mp::bench {

// The database a benchmark runs on: migrated to the current schema, opened as the connection
// "bench", with one new tenant to fill.
struct BenchDatabase {
    QSqlDatabase db;
    QString tenantId;
};

Result<BenchDatabase> openBenchDatabase(const QString &databaseUrl);

} // namespace mp::bench
