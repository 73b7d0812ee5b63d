#include "db/migrator.h"

#include "db/db_errors.h"
#include "db/pg_connection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace mp {

namespace {
// An arbitrary constant that names "mPanel schema migration" among advisory locks.
constexpr qint64 kMigrationLock = 0x6d70616e656c01;
} // namespace

Migrator::Migrator(PgConnection &conn, QList<Migration> migrations)
    : m_conn(conn), m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

QList<Migration> Migrator::bundled()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = match.captured(2);
        m.sql = f.readAll();
        m.checksum = QString::fromLatin1(QCryptographicHash::hash(m.sql, QCryptographicHash::Sha256).toHex());
        out << m;
    }
    return out;
}

Status Migrator::ensureHistoryTable()
{
    return m_conn.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                      " version integer PRIMARY KEY,"
                                      " name text NOT NULL,"
                                      " checksum text NOT NULL,"
                                      " applied_at timestamptz NOT NULL DEFAULT now())"));
}

Result<SchemaState> Migrator::verifyHistory()
{
    SchemaState state;
    state.bundled = m_migrations.isEmpty() ? 0 : m_migrations.last().version;
    auto rows = m_conn.query(
        QStringLiteral("SELECT version, name, checksum FROM schema_migrations ORDER BY version"));
    if (!rows)
        return rows.error();
    for (const QStringList &row : rows.value()) {
        const int version = row.at(0).toInt();
        state.applied = std::max(state.applied, version);
        const auto known = std::find_if(m_migrations.cbegin(), m_migrations.cend(),
                                        [version](const Migration &m) { return m.version == version; });
        if (known == m_migrations.cend()) {
            if (version > state.bundled)
                return makeError(
                    errors::SchemaNewer,
                    QStringLiteral("the database schema is at version %1 but this mPanel knows only "
                                   "up to %2; upgrade mPanel before using this database")
                        .arg(version)
                        .arg(state.bundled));
            return makeError(
                errors::SchemaUnknownMigration,
                QStringLiteral("the database has migration %1 (%2) that this mPanel does not know")
                    .arg(version)
                    .arg(row.at(1)));
        }
        if (known->checksum != row.at(2))
            return makeError(errors::SchemaMigrationChanged,
                             QStringLiteral("migration %1 (%2) was changed after it was applied "
                                            "(checksum %3 in the database, %4 in this binary)")
                                 .arg(version)
                                 .arg(known->name, row.at(2).left(12), known->checksum.left(12)));
    }
    return state;
}

Result<SchemaState> Migrator::check()
{
    auto exists = m_conn.query(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL"));
    if (!exists)
        return exists.error();
    if (exists->value(0).value(0) != QLatin1String("t"))
        return SchemaState{0, m_migrations.isEmpty() ? 0 : m_migrations.last().version};
    return verifyHistory();
}

Result<int> Migrator::migrate()
{
    if (auto s = m_conn.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock)); !s)
        return s.error();
    struct Unlock {
        PgConnection &c;
        ~Unlock() { (void)c.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock)); }
    } unlock{m_conn};

    if (auto s = ensureHistoryTable(); !s)
        return s.error();
    auto state = verifyHistory();
    if (!state)
        return state.error();

    auto appliedRows = m_conn.query(QStringLiteral("SELECT version FROM schema_migrations"));
    if (!appliedRows)
        return appliedRows.error();
    QList<int> applied;
    for (const QStringList &row : appliedRows.value())
        applied << row.at(0).toInt();

    int count = 0;
    for (const Migration &m : std::as_const(m_migrations)) {
        if (applied.contains(m.version))
            continue;
        const QString record = QStringLiteral("INSERT INTO schema_migrations (version, name, checksum) "
                                              "VALUES (%1, %2, %3)")
                                   .arg(m.version)
                                   .arg(m_conn.quoteLiteral(m.name), m_conn.quoteLiteral(m.checksum));
        // One simple-protocol round trip: BEGIN, the script, its record, COMMIT. libpq runs the
        // whole string as one implicit unit and stops at the first error.
        const QString script =
            QStringLiteral("BEGIN;\n%1\n;\n%2;\nCOMMIT;").arg(QString::fromUtf8(m.sql), record);
        if (auto s = m_conn.exec(script); !s) {
            (void)m_conn.exec(QStringLiteral("ROLLBACK"));
            return makeError(
                errors::MigrationFailed,
                QStringLiteral("migration %1 (%2) failed: %3").arg(m.version).arg(m.name, s.error().message));
        }
        ++count;
    }
    return count;
}

} // namespace mp
