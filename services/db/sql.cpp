#include "db/sql.h"

#include "db/statement_cache.h"

#include <QHash>

#include <QThread>

namespace mp::sql {

Error fromSqlError(const QSqlError &error, const QString &what)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return makeError(QStringLiteral("database_error"), QStringLiteral("%1: %2").arg(what, text),
                     error.nativeErrorCode());
}

bool hasSqlState(const Error &error, const char *sqlState)
{
    return error.field == QLatin1String(sqlState);
}

namespace {

thread_local bool t_cacheEnabled = false;

// Prepared queries of this thread, by connection and SQL text (see ScopedStatementCache).
// Deliberately never destroyed: at thread exit QPSQL cannot release a result any more (it
// crashes there), and the server drops the prepared statements with the connection anyway.
QHash<QString, QSqlQuery> &threadStatements()
{
    thread_local auto *statements = new QHash<QString, QSqlQuery>();
    return *statements;
}

Result<QSqlQuery> execCached(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto &statements = threadStatements();
    const QString key = db.connectionName() + QChar(0x1f) + sql;
    auto it = statements.find(key);
    if (it == statements.end()) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return fromSqlError(query.lastError(), QStringLiteral("preparing query"));
        it = statements.insert(key, query);
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
    if (!query.prepare(sql))
        return fromSqlError(query.lastError(), QStringLiteral("preparing query"));
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return fromSqlError(query.lastError(), QStringLiteral("running query"));
    return query;
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
        return makeError(QStringLiteral("database_unreachable"),
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
