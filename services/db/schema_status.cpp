#include "db/schema_status.h"

#include "db/sql.h"

namespace mp {

Result<SchemaState> schemaStatus(const QSqlDatabase &db)
{
    static const int bundled = [] {
        const auto all = Migrator::bundled();
        return all.isEmpty() ? 0 : all.last().version;
    }();
    auto exists = sql::exec(db, QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL"));
    if (!exists)
        return exists.error();
    exists->next();
    if (!exists->value(0).toBool())
        return SchemaState{0, bundled};
    auto q = sql::exec(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!q)
        return q.error();
    q->next();
    return SchemaState{q->value(0).toInt(), bundled};
}

} // namespace mp
