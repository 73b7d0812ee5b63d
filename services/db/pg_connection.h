#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QStringList>

#include <memory>

struct pg_conn;

namespace mp {

// A raw libpq connection, for the few jobs Qt Sql cannot do: running multi-statement
// migration scripts as one unit, and hashing passwords client-side (PQencryptPasswordConn)
// so a staff password never travels to the server or its logs in clear.
class PgConnection {
public:
    static Result<std::unique_ptr<PgConnection>> connect(const ConnectionSettings &settings);
    ~PgConnection();

    // Runs one or more statements (simple query protocol); fails on the first error.
    Status exec(const QString &sql);
    // Runs one parameterised statement; returns the rows as text (NULL as a null QString).
    Result<QList<QStringList>> query(const QString &sql, const QStringList &params = {});
    // A SCRAM-SHA-256 verifier for `password`, computed here, never sent in clear.
    Result<QString> scramVerifier(const QString &role, const QString &password);
    QString quoteIdentifier(const QString &identifier);
    QString quoteLiteral(const QString &literal);

private:
    explicit PgConnection(pg_conn *conn) : m_conn(conn) {}
    Error lastError(const QString &what) const;
    pg_conn *m_conn;
};

} // namespace mp
