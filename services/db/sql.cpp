#include "db/sql.h"

#include "core/errors.h"
#include "db/statement_cache.h"

#include <QHash>
#include <QSqlDriver>
#include <QThread>

#include <libpq-fe.h>

#include <vector>

namespace mp::sql {

Error fromSqlError(const QSqlError &error, const QString &what)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return makeError(errors::DatabaseError, QStringLiteral("%1: %2").arg(what, text),
                     error.nativeErrorCode());
}

bool hasSqlState(const Error &error, const char *sqlState)
{
    return error.field == QLatin1String(sqlState);
}

namespace {

thread_local bool t_cacheEnabled = false;

// More distinct texts than this on one connection means the caller builds SQL dynamically (a
// list with filters, say): run the rest one-shot instead of growing without bound.
constexpr int kMaxCachedPerConnection = 256;

// The server session a QSqlDatabase is talking to now. Prepared statements live in that
// session, so a connection that was closed and reopened under the same name (the health probe
// and the job worker do that after an error) must not reuse them. The backend pid tells two
// sessions apart even when libpq reuses the PGconn's address.
QString sessionKey(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    auto *conn = handle.isValid() ? *static_cast<PGconn *const *>(handle.constData()) : nullptr;
    return QStringLiteral("%1/%2/%3")
        .arg(db.connectionName())
        .arg(quintptr(conn))
        .arg(conn ? PQbackendPID(conn) : 0);
}

struct ConnectionStatements {
    QString session;
    QHash<QString, QSqlQuery> bySql;
};

// Prepared queries of this thread, by connection name and SQL text (see ScopedStatementCache).
// Deliberately never destroyed: at thread exit QPSQL cannot release a result any more (it
// crashes there), and the server drops the prepared statements with the connection anyway.
// Statements of a session that has gone are parked, not destroyed, for the same reason, and
// because destroying one sends DEALLOCATE down the new session, where it fails (and would abort
// the caller's transaction).
QHash<QString, ConnectionStatements> &threadStatements()
{
    thread_local auto *statements = new QHash<QString, ConnectionStatements>();
    return *statements;
}

QList<QSqlQuery> &parkedStatements()
{
    thread_local auto *parked = new QList<QSqlQuery>();
    return *parked;
}

// Whether a statement can be freed now: DEALLOCATE works in no transaction or a healthy one, not
// in an aborted one, nor while a failed statement's results are still pending (QPSQL reads a
// forward-only result row by row, so the connection reads as active until they are discarded).
bool canFreeStatements(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    auto *conn = handle.isValid() ? *static_cast<PGconn *const *>(handle.constData()) : nullptr;
    if (!conn)
        return true;
    const PGTransactionStatusType status = PQtransactionStatus(conn);
    return status == PQTRANS_IDLE || status == PQTRANS_INTRANS;
}

// A one-off prepared statement whose own failure aborted the transaction: destroying it now
// would send DEALLOCATE into the aborted transaction, which fails, and QPSQL would print "Unable
// to free statement: ... transaction is aborted" (about a hundred such lines per test run, none
// of them JSON). Such statements wait here and are freed by the next statement on their
// connection once the transaction ended (or parked if that session is gone).
struct DeferredStatement {
    QString connection;
    QString session;
    QSqlQuery query;
};

// Never destroyed, as threadStatements() is not.
std::vector<DeferredStatement> &deferredStatements()
{
    thread_local auto *deferred = new std::vector<DeferredStatement>();
    return *deferred;
}

void freeDeferred(const QSqlDatabase &db)
{
    std::vector<DeferredStatement> &deferred = deferredStatements();
    if (deferred.empty() || !canFreeStatements(db))
        return;
    const QString session = sessionKey(db);
    for (auto it = deferred.begin(); it != deferred.end();) {
        if (it->connection != db.connectionName()) {
            ++it;
            continue;
        }
        if (it->session != session)
            parkedStatements().append(std::move(it->query));
        it = deferred.erase(it);
    }
}

Result<QSqlQuery> execOnce(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    freeDeferred(db);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return fromSqlError(query.lastError(), QStringLiteral("preparing query"));
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        Error error = fromSqlError(query.lastError(), QStringLiteral("running query"));
        if (!canFreeStatements(db))
            deferredStatements().push_back({db.connectionName(), sessionKey(db), std::move(query)});
        return error;
    }
    return query;
}

Result<QSqlQuery> execCached(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    ConnectionStatements &connection = threadStatements()[db.connectionName()];
    const QString session = sessionKey(db);
    if (connection.session != session) {
        for (const QSqlQuery &stale : std::as_const(connection.bySql))
            parkedStatements().append(stale);
        connection.bySql.clear();
        connection.session = session;
    }
    auto it = connection.bySql.find(sql);
    if (it == connection.bySql.end()) {
        if (connection.bySql.size() >= kMaxCachedPerConnection)
            return execOnce(db, sql, binds);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return fromSqlError(query.lastError(), QStringLiteral("preparing query"));
        it = connection.bySql.insert(sql, query);
    }
    QSqlQuery &query = it.value();
    query.finish();
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    if (!query.exec())
        return fromSqlError(query.lastError(), QStringLiteral("running query"));
    return query;
}

} // namespace

ScopedStatementCache::ScopedStatementCache() : m_wasEnabled(t_cacheEnabled)
{
    t_cacheEnabled = true;
}

ScopedStatementCache::~ScopedStatementCache()
{
    t_cacheEnabled = m_wasEnabled;
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    if (t_cacheEnabled && !binds.isEmpty())
        return execCached(db, sql, binds);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Without values, run the text as is: PostgreSQL cannot PREPARE utility statements
    // (SET, SAVEPOINT, LISTEN, ...), and a one-off statement gains nothing from it.
    if (binds.isEmpty()) {
        if (!query.exec(sql))
            return fromSqlError(query.lastError(), QStringLiteral("running query"));
        return query;
    }
    return execOnce(db, sql, binds);
}

Result<QSqlDatabase> open(const ConnectionSettings &settings, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::contains(connectionName)
                          ? QSqlDatabase::database(connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (db.isOpen())
        return db;
    db.setHostName(settings.host);
    db.setPort(settings.port);
    db.setDatabaseName(settings.database);
    db.setUserName(settings.user);
    db.setPassword(settings.password);
    db.setConnectOptions(settings.qpsqlOptions());
    if (!db.open())
        return makeError(errors::DatabaseUnreachable,
                         QStringLiteral("cannot connect to %1: %2")
                             .arg(settings.describe(), db.lastError().databaseText().trimmed()),
                         db.lastError().nativeErrorCode());
    return db;
}

QString threadConnectionName(const QString &prefix)
{
    return QStringLiteral("%1-%2").arg(prefix).arg(quintptr(QThread::currentThreadId()));
}

} // namespace mp::sql
