// The embedded default: no database configured, so the program runs its own cluster.
#include "db/embedded_cluster.h"
#include "db/sql.h"
#include "tenancy/database_bootstrap.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mp;

class TestEmbeddedBootstrap : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Config m_config;

    EmbeddedCluster cluster() const { return EmbeddedCluster({m_dir.path() + QStringLiteral("/postgres")}); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As root the cluster runs as `postgres`, which must be able to enter the directory.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                QFileDevice::ExeOther);
        QProcessEnvironment env;
        env.insert(QStringLiteral("MPANEL_DATA_DIR"), m_dir.path());
        m_config = Config::load({}, env).value();
    }

    void cleanupTestCase() { (void)cluster().stop(); }

    void firstStartCreatesClusterTenantAndOwner()
    {
        auto target = DatabaseBootstrap::resolve(m_config);
        QVERIFY2(target.ok(), qPrintable(target.ok() ? QString() : target.error().message));
        QVERIFY(target->embedded);
        QCOMPARE(target->settings.host, m_dir.path() + QStringLiteral("/postgres/run"));

        // Socket only: no TCP listener.
        auto db = sql::open(target->settings, QStringLiteral("embedded"));
        QVERIFY(db.ok());
        auto listen = sql::exec(db.value(), QStringLiteral("SHOW listen_addresses"));
        QVERIFY(listen.ok() && listen->next());
        QCOMPARE(listen->value(0).toString(), QString());

        // The first owner's credentials are readable by the user alone, and they work.
        const QFileInfo file(target->ownerCredentialsFile);
        QVERIFY(file.exists());
        QCOMPARE(int(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
        auto credentials = DatabaseBootstrap::readCredentials(target->ownerCredentialsFile);
        QVERIFY(credentials.ok());
        auto owner = sql::open(target->settings.withLogin(credentials->login, credentials->password),
                               QStringLiteral("owner"));
        QVERIFY2(owner.ok(), qPrintable(owner.ok() ? QString() : owner.error().message));
        auto q = sql::exec(owner.value(), QStringLiteral("SELECT mpanel_staff_role()::text, count(*) OVER () "
                                                         "FROM tenants"));
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("owner"));
        QCOMPARE(q->value(1).toInt(), 1);
    }

    void secondStartJoinsWithoutRecreating()
    {
        const QByteArray before = [&] {
            QFile f(m_dir.path() + QStringLiteral("/owner-credentials"));
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        auto target = DatabaseBootstrap::resolve(m_config);
        QVERIFY(target.ok());
        QFile f(target->ownerCredentialsFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        auto db = sql::open(target->settings, QStringLiteral("embedded2"));
        QVERIFY(db.ok());
        auto q =
            sql::exec(db.value(),
                      QStringLiteral("SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM staff)"));
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toInt(), 1);
        QCOMPARE(q->value(1).toInt(), 1);
    }

    void restartsAfterAStop()
    {
        QSqlDatabase::removeDatabase(QStringLiteral("embedded"));
        QSqlDatabase::removeDatabase(QStringLiteral("embedded2"));
        QSqlDatabase::removeDatabase(QStringLiteral("owner"));
        EmbeddedCluster c = cluster();
        QVERIFY(c.stop().ok());
        QVERIFY(!c.isRunning());
        auto target = DatabaseBootstrap::resolve(m_config);
        QVERIFY2(target.ok(), qPrintable(target.ok() ? QString() : target.error().message));
        QVERIFY(cluster().isRunning());
    }

    void aBadDatabaseUrlIsAClearError()
    {
        Config config = m_config;
        config.set(QStringLiteral("MPANEL_DATABASE_URL"), QStringLiteral("mysql://nope"));
        auto target = DatabaseBootstrap::resolve(config);
        QVERIFY(!target.ok());
        QCOMPARE(target.error().field, QStringLiteral("MPANEL_DATABASE_URL"));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedBootstrap)
#include "tst_embedded_bootstrap.moc"
