#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QSqlDatabase>
#include <QString>

namespace mp::test {

// One throwaway PostgreSQL cluster per test process (fsync off), started on first use and
// stopped at exit. Every test gets a fresh database cloned from a migrated template, so tests
// never see each other's rows and never pay for migrations twice.
class TestCluster {
public:
    static TestCluster &instance();

    // A new, fully migrated database; returns the schema owner's (superuser's) settings.
    ConnectionSettings freshDatabase();
    // A new database with no migrations applied (for migrator and readiness tests).
    ConnectionSettings emptyDatabase();
    ConnectionSettings superuser(const QString &database) const;
    // postgresql://mpanel@127.0.0.1:PORT/db for the executables under test.
    QString url(const QString &database) const;
    QString socketDirectory() const;
    int port() const { return m_port; }

    ~TestCluster();

private:
    TestCluster();
    QString createDatabase(const QString &templateName);
    QString m_dir;
    int m_port = 0;
    int m_counter = 0;
    bool m_started = false;
};

// Opens a Qt Sql connection with a unique name for the calling test.
QSqlDatabase openDatabase(const ConnectionSettings &settings, const QString &name);
// Creates a tenant on the owner connection and returns its id (fails the test on error).
QString createTenant(const QSqlDatabase &owner, const QString &name);
// A login name unique in the cluster (roles are cluster-wide).
QString uniqueLogin(const QString &stem);

} // namespace mp::test
