#include "db/schema_status.h"

#include "db/sql.h"

namespace mp {

Result<SchemaState> schemaStatus(const QSqlDatabase &db)
{
    static const int bundled = [] {
        const auto all = Migrator::bundled();
        return all.isEmpty() ? 0 : all.last().version;
    }();
    auto q = sql::exec(db, QStringLiteral("SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 "
                                          "ELSE (SELECT coalesce(max(version), 0) FROM schema_migrations) END"));
    if (!q)
        return q.error();
    q->next();
    return SchemaState{q->value(0).toInt(), bundled};
}

} // namespace mp
