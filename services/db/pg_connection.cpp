#include "db/pg_connection.h"

#include "core/errors.h"

#include <libpq-fe.h>

#include <optional>
#include <vector>

namespace mp {

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const ConnectionSettings &settings)
{
    PGconn *conn = PQconnectdb(settings.toConnInfo().toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return makeError(errors::DatabaseUnreachable,
                         QStringLiteral("cannot connect to %1: %2").arg(settings.describe(), message));
    }
    // Quiet the server's NOTICEs ("relation already exists, skipping") on our stderr.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

Error PgConnection::lastError(const QString &what) const
{
    return makeError(errors::DatabaseError,
                     QStringLiteral("%1: %2").arg(what, QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
}

namespace {

// The failure of a statement, or nothing when it succeeded. `field` carries the SQLSTATE.
std::optional<Error> resultError(const PGresult *res)
{
    const ExecStatusType status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return std::nullopt;
    Error error = makeError(errors::DatabaseError, QString::fromUtf8(PQresultErrorMessage(res)).trimmed());
    if (const char *sqlState = PQresultErrorField(res, PG_DIAG_SQLSTATE))
        error.field = QString::fromLatin1(sqlState);
    return error;
}

} // namespace

Status PgConnection::exec(const QString &sql)
{
    PGresult *res = PQexec(m_conn, sql.toUtf8().constData());
    const std::optional<Error> error = resultError(res);
    PQclear(res);
    if (error)
        return *error;
    return {};
}

Result<QList<QStringList>> PgConnection::query(const QString &sql, const QStringList &params)
{
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    storage.reserve(size_t(params.size()));
    for (const QString &p : params) {
        storage.push_back(p.toUtf8());
        values.push_back(p.isNull() ? nullptr : storage.back().constData());
    }
    PGresult *res = PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    if (const std::optional<Error> error = resultError(res)) {
        PQclear(res);
        return *error;
    }
    QList<QStringList> rows;
    const int nrows = PQntuples(res);
    const int ncols = PQnfields(res);
    rows.reserve(nrows);
    for (int r = 0; r < nrows; ++r) {
        QStringList row;
        for (int c = 0; c < ncols; ++c)
            row << (PQgetisnull(res, r, c) ? QString() : QString::fromUtf8(PQgetvalue(res, r, c)));
        rows << row;
    }
    PQclear(res);
    return rows;
}

Result<QString> PgConnection::scramVerifier(const QString &role, const QString &password)
{
    char *hashed = PQencryptPasswordConn(m_conn, password.toUtf8().constData(), role.toUtf8().constData(),
                                         "scram-sha-256");
    if (!hashed)
        return lastError(QStringLiteral("hashing the password"));
    const QString verifier = QString::fromUtf8(hashed);
    PQfreemem(hashed);
    return verifier;
}

QString PgConnection::quoteIdentifier(const QString &identifier)
{
    const QByteArray utf8 = identifier.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString out = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return out;
}

QString PgConnection::quoteLiteral(const QString &literal)
{
    const QByteArray utf8 = literal.toUtf8();
    char *quoted = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString out = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return out;
}

} // namespace mp
