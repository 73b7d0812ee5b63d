#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/schema_status.h"
#include "support/test_cluster.h"

#include <QCryptographicHash>
#include <QTest>
#include <QtConcurrent>

using namespace mp;
using mp::test::TestCluster;

namespace {

Migration migration(int version, const QString &name, const QByteArray &sql)
{
    Migration m;
    m.version = version;
    m.name = name;
    m.sql = sql;
    m.checksum = QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
    return m;
}

std::unique_ptr<PgConnection> connectTo(const ConnectionSettings &settings)
{
    auto conn = PgConnection::connect(settings);
    if (!conn)
        qFatal("%s", qPrintable(conn.error().message));
    return std::move(conn).value();
}

QString scalar(PgConnection &conn, const QString &sql)
{
    auto rows = conn.query(sql);
    return rows && !rows->isEmpty() ? rows->first().value(0) : QStringLiteral("<error>");
}

} // namespace

class TestMigrator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bundledMigrationsApplyOnceInOrder()
    {
        auto conn = connectTo(TestCluster::instance().emptyDatabase());
        Migrator migrator(*conn);
        const auto bundled = Migrator::bundled();
        QVERIFY(!bundled.isEmpty());
        QCOMPARE(bundled.first().version, 1);

        auto before = migrator.check();
        QVERIFY(before.ok());
        QVERIFY(before->behind());

        auto applied = migrator.migrate();
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(applied.value(), int(bundled.size()));
        QCOMPARE(migrator.migrate().value(), 0);
        auto after = migrator.check();
        QVERIFY(after.ok());
        QVERIFY(after->current());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM schema_migrations")),
                 QString::number(bundled.size()));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT checksum FROM schema_migrations WHERE version = 1")),
                 bundled.first().checksum);
    }

    void runMpanelsEmulatorClusterBecomesSandbox()
    {
        // A database scripts/run-mpanel made before 0014: the demo's emulator cluster (loopback,
        // the sandbox token) is marked sandbox; anything else stays live.
        auto conn = connectTo(TestCluster::instance().emptyDatabase());
        QList<Migration> before;
        for (const Migration &m : Migrator::bundled())
            if (m.version < 14)
                before << m;
        QVERIFY(Migrator(*conn, before).migrate().ok());
        auto tenant =
            conn->query(QStringLiteral("INSERT INTO tenants (name) VALUES ('Old Sandbox') RETURNING id"));
        QVERIFY(tenant.ok());
        const QString insert = QStringLiteral(
            "INSERT INTO proxmox_clusters (tenant_id, name, api_base, token_id, token_secret, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, 'secret', now(), now())");
        const QString id = tenant->first().value(0);
        for (const QStringList &row :
             {QStringList{QStringLiteral("demo-cluster"), QStringLiteral("https://127.0.0.1:18006/api2/json"),
                          QStringLiteral("mpanel@pve!sandbox")},
              QStringList{QStringLiteral("tunnel"), QStringLiteral("https://127.0.0.1:8006/api2/json"),
                          QStringLiteral("mpanel@pve!prov")},
              QStringList{QStringLiteral("fra1"), QStringLiteral("https://pve1.example.net:8006/api2/json"),
                          QStringLiteral("mpanel@pve!sandbox")}})
            QVERIFY(conn->query(insert, {id, row.at(0), row.at(1), row.at(2)}).ok());
        QVERIFY(Migrator(*conn).migrate().ok());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT string_agg(name || '=' || mode, ',' ORDER BY name) "
                                              "FROM proxmox_clusters")),
                 QStringLiteral("demo-cluster=sandbox,fra1=live,tunnel=live"));
    }

    void changedMigrationIsRefused()
    {
        auto conn = connectTo(TestCluster::instance().emptyDatabase());
        const auto m1 = migration(1, QStringLiteral("one"), "CREATE TABLE a (x int);");
        QVERIFY(Migrator(*conn, {m1}).migrate().ok());
        const auto edited = migration(1, QStringLiteral("one"), "CREATE TABLE a (x bigint);");
        Migrator changed(*conn, {edited});
        auto state = changed.check();
        QVERIFY(!state.ok());
        QCOMPARE(state.error().code, QStringLiteral("schema_migration_changed"));
        QVERIFY(state.error().message.contains(QStringLiteral("migration 1 (one) was changed")));
        QVERIFY(!changed.migrate().ok());
    }

    void unknownAppliedMigrationIsRefused()
    {
        auto conn = connectTo(TestCluster::instance().emptyDatabase());
        const auto m1 = migration(1, QStringLiteral("one"), "CREATE TABLE a (x int);");
        const auto m2 = migration(2, QStringLiteral("two"), "CREATE TABLE b (x int);");
        const auto m3 = migration(3, QStringLiteral("three"), "CREATE TABLE c (x int);");
        QVERIFY(Migrator(*conn, {m1, m2, m3}).migrate().ok());
        auto state = Migrator(*conn, {m1, m3}).check();
        QVERIFY(!state.ok());
        QCOMPARE(state.error().code, QStringLiteral("schema_unknown_migration"));
    }

    void olderBinaryRefusesNewerSchema()
    {
        auto conn = connectTo(TestCluster::instance().emptyDatabase());
        const auto m1 = migration(1, QStringLiteral("one"), "CREATE TABLE a (x int);");
        const auto m2 = migration(2, QStringLiteral("two"), "CREATE TABLE b (x int);");
        QVERIFY(Migrator(*conn, {m1, m2}).migrate().ok());
        Migrator old(*conn, {m1});
        auto state = old.check();
        QVERIFY(!state.ok());
        QCOMPARE(state.error().code, QStringLiteral("schema_newer"));
        QVERIFY(state.error().message.contains(QStringLiteral("upgrade mPanel")));
        QVERIFY(!old.migrate().ok());
    }

    void failedMigrationLeavesNothingBehind()
    {
        auto conn = connectTo(TestCluster::instance().emptyDatabase());
        const auto m1 = migration(1, QStringLiteral("one"), "CREATE TABLE a (x int);");
        const auto bad =
            migration(2, QStringLiteral("bad"), "CREATE TABLE b (x int);\nINSERT INTO nowhere VALUES (1);");
        auto result = Migrator(*conn, {m1, bad}).migrate();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("migration_failed"));
        QVERIFY(result.error().message.contains(QStringLiteral("migration 2 (bad) failed")));
        QCOMPARE(
            scalar(*conn, QStringLiteral("SELECT string_agg(version::text, ',') FROM schema_migrations")),
            QStringLiteral("1"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT to_regclass('b') IS NULL")), QStringLiteral("t"));
        // The connection is usable afterwards and a fixed migration applies.
        const auto fixed = migration(2, QStringLiteral("bad"), "CREATE TABLE b (x int);");
        QCOMPARE(Migrator(*conn, {m1, fixed}).migrate().value(), 1);
    }

    void concurrentMigratorsApplyOnce()
    {
        const ConnectionSettings settings = TestCluster::instance().emptyDatabase();
        // A slow first migration widens the window in which both processes would race.
        const QList<Migration> list{
            migration(1, QStringLiteral("slow"), "SELECT pg_sleep(0.3); CREATE TABLE a (x int);"),
            migration(2, QStringLiteral("two"), "CREATE TABLE b (x int);")};
        auto run = [settings, list] {
            auto conn = PgConnection::connect(settings);
            if (!conn)
                return -1;
            auto applied = Migrator(*conn.value(), list).migrate();
            return applied ? applied.value() : -1;
        };
        QFuture<int> first = QtConcurrent::run(run);
        QFuture<int> second = QtConcurrent::run(run);
        const int a = first.result();
        const int b = second.result();
        QVERIFY(a >= 0 && b >= 0);
        QCOMPARE(a + b, 2);
        auto conn = connectTo(settings);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM schema_migrations")),
                 QStringLiteral("2"));
    }

    void readinessProbeSeesTheSchemaState()
    {
        QSqlDatabase fresh =
            test::openDatabase(TestCluster::instance().freshDatabase(), QStringLiteral("fresh"));
        auto current = schemaStatus(fresh);
        QVERIFY(current.ok());
        QVERIFY(current->current());
        QSqlDatabase empty =
            test::openDatabase(TestCluster::instance().emptyDatabase(), QStringLiteral("empty"));
        auto behind = schemaStatus(empty);
        QVERIFY(behind.ok());
        QCOMPARE(behind->applied, 0);
        QVERIFY(behind->behind());
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
