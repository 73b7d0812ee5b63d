#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mp {

class PgConnection;

struct Migration {
    int version = 0;
    QString name;
    QByteArray sql;
    QString checksum; // SHA-256 of the script, hex
};

// Where the database's schema stands relative to the migrations this binary carries.
struct SchemaState {
    int applied = 0; // highest applied version
    int bundled = 0; // highest version this binary knows
    bool current() const { return applied == bundled; }
    bool behind() const { return applied < bundled; }
};

// Applies the versioned SQL migrations shipped in the binary (":/migrations/NNNN_name.sql"),
// in order, each in its own transaction, recording version, name and checksum. Refuses a
// database whose history disagrees with the binary: a changed script, an unknown migration,
// or a schema newer than this binary.
class Migrator {
public:
    explicit Migrator(PgConnection &conn, QList<Migration> migrations = bundled());

    static QList<Migration> bundled();

    // Verifies the applied history and reports where the schema stands; never changes it.
    Result<SchemaState> check();
    // Applies what is missing; returns how many migrations ran. Concurrent callers serialise
    // on an advisory lock, so two processes starting together migrate once.
    Result<int> migrate();

private:
    Status ensureHistoryTable();
    Result<SchemaState> verifyHistory();
    PgConnection &m_conn;
    QList<Migration> m_migrations;
};

} // namespace mp
