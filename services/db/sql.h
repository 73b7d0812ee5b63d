#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace mp::sql {

// PostgreSQL SQLSTATEs the services react to.
inline constexpr auto UniqueViolation = "23505";
inline constexpr auto ForeignKeyViolation = "23503";
inline constexpr auto CheckViolation = "23514";
inline constexpr auto InsufficientPrivilege = "42501";
inline constexpr auto SerializationFailure = "40001";

// Turns a QSqlError into an Error whose `field` carries the SQLSTATE.
Error fromSqlError(const QSqlError &error, const QString &what);
bool hasSqlState(const Error &error, const char *sqlState);

// Prepares, binds positional `?` values and runs `sql`; the query is forward-only, so a
// large result streams instead of being copied whole into memory.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});

// Opens (or reuses) a Qt Sql connection with this name. A QSqlDatabase belongs to the thread
// that opened it, so callers on worker threads pass a name unique to their thread.
Result<QSqlDatabase> open(const ConnectionSettings &settings, const QString &connectionName);
// A connection name unique to the calling thread: "<prefix>-<thread id>".
QString threadConnectionName(const QString &prefix);

} // namespace mp::sql
