#pragma once

#include "core/error_code.h"

// Error codes of connections, migrations and the embedded cluster. Each code is declared once, with its
// category; the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode EmbeddedDb{"embedded_db", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidCredentialsFile{"invalid_credentials_file", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidDatabaseUrl{"invalid_database_url", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MigrationFailed{"migration_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode SchemaMigrationChanged{"schema_migration_changed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode SchemaNewer{"schema_newer", ErrorCategory::Unprocessable};
inline constexpr ErrorCode SchemaUnknownMigration{"schema_unknown_migration", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TransactionClosed{"transaction_closed", ErrorCategory::Unprocessable};

} // namespace mp::errors
