// Drives the real `mpanel-service` binary the way scripts and operators do.
#include "db/sql.h"
#include "support/http_client.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace mp;
using mp::test::TestCluster;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString lastLine() const { return out.trimmed().split(u'\n').last().trimmed(); }
};

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestServiceCli : public QObject {
    Q_OBJECT

    QString m_database;
    QSqlDatabase m_db;

    QProcessEnvironment environment(const QString &database) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MPANEL_DATABASE_URL"), TestCluster::instance().url(database));
        return env;
    }

    Run run(const QStringList &args, const QByteArray &stdinData = {}, const QString &database = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment(database.isEmpty() ? m_database : database));
        p.start(QStringLiteral(MPANEL_SERVICE_BINARY), args);
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            p.kill();
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const ConnectionSettings settings = TestCluster::instance().freshDatabase();
        m_database = settings.database;
        m_db = test::openDatabase(settings, QStringLiteral("check"));
    }

    void tenantCreatePrintsTheIdLast()
    {
        const Run r =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Acme Hosting")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!QUuid::fromString(r.lastLine()).isNull(), qPrintable(r.out));
        auto q =
            sql::exec(m_db, QStringLiteral("SELECT name FROM tenants WHERE id = ?::uuid"), {r.lastLine()});
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("Acme Hosting"));

        const Run empty = run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("  ")});
        QCOMPARE(empty.exitCode, 1);
    }

    void tenantListShowsEveryTenantOldestFirst()
    {
        const QString first =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("List One")}).lastLine();
        const QString second =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("List Two")}).lastLine();
        const Run r = run({QStringLiteral("tenant"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        const qsizetype one = lines.indexOf(first + QStringLiteral("\tList One"));
        const qsizetype two = lines.indexOf(second + QStringLiteral("\tList Two"));
        QVERIFY2(one >= 0 && two > one, qPrintable(r.out));
    }

    void tokenCreatePrintsAWorkingToken()
    {
        const QString tenant =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Token Co")}).lastLine();
        const Run r = run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--tenant"),
                           tenant, QStringLiteral("--role"), QStringLiteral("admin")});
        QCOMPARE(r.exitCode, 0);
        auto who = ApiTokens::authenticate(m_db, r.lastLine());
        QVERIFY2(who.ok(), qPrintable(r.out));
        QCOMPARE(who->tenantId, tenant);

        const Run badRole =
            run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--tenant"), tenant,
                 QStringLiteral("--role"), QStringLiteral("god")});
        QCOMPARE(badRole.exitCode, 1);
        QVERIFY(badRole.err.contains(QStringLiteral("--role")));
        const Run badTenant =
            run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--tenant"),
                 QStringLiteral("00000000-0000-0000-0000-000000000009"), QStringLiteral("--role"),
                 QStringLiteral("admin")});
        QCOMPARE(badTenant.exitCode, 1);
        QVERIFY(badTenant.err.contains(QStringLiteral("no tenant")));
    }

    void staffAddReadsThePasswordFromStdin()
    {
        const QString tenant =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Staff Co")}).lastLine();
        const QString login = test::uniqueLogin(QStringLiteral("cli"));
        const Run r =
            run({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("--tenant"), tenant,
                 QStringLiteral("--login"), login, QStringLiteral("--role"), QStringLiteral("read-only")},
                "a password from stdin\n");
        QCOMPARE(r.exitCode, 0);
        ConnectionSettings staff = TestCluster::instance()
                                       .superuser(m_database)
                                       .withLogin(login, QStringLiteral("a password from stdin"));
        auto db = sql::open(staff, login);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        auto q = sql::exec(db.value(), QStringLiteral("SELECT mpanel_staff_role()::text"));
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("read_only"));
    }

    void deactivatingStaffCutsOffTheirTokensAndSignIn()
    {
        const QString tenant =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Leaver Co")}).lastLine();
        const QString login = test::uniqueLogin(QStringLiteral("leaver"));
        QCOMPARE(run({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("--tenant"), tenant,
                      QStringLiteral("--login"), login, QStringLiteral("--role"), QStringLiteral("billing")},
                     "the leaver's password\n")
                     .exitCode,
                 0);
        const Run created =
            run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--staff"), login});
        QCOMPARE(created.exitCode, 0);
        const QString token = created.lastLine();
        auto who = ApiTokens::authenticate(m_db, token);
        QVERIFY(who.ok());
        QCOMPARE(who->tenantId, tenant);
        QVERIFY(who->role == StaffRole::Billing);
        // A second token of the same person, and one of nobody's, to see which go.
        const QString second =
            run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--staff"), login})
                .lastLine();
        const QString service =
            run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--tenant"), tenant,
                 QStringLiteral("--role"), QStringLiteral("admin")})
                .lastLine();

        // Revoking one token by its id.
        const Run revoked = run({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--id"),
                                 QString::number(ApiTokens::authenticate(m_db, second)->tokenId)});
        QCOMPARE(revoked.exitCode, 0);
        QVERIFY(!ApiTokens::authenticate(m_db, second).ok());
        QVERIFY(ApiTokens::authenticate(m_db, token).ok());
        QCOMPARE(run({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--id"),
                      QStringLiteral("999999")})
                     .exitCode,
                 1);

        const Run gone =
            run({QStringLiteral("staff"), QStringLiteral("deactivate"), QStringLiteral("--login"), login});
        QCOMPARE(gone.exitCode, 0);
        QVERIFY2(gone.out.contains(QStringLiteral("revoked 1 API token")), qPrintable(gone.out));
        QVERIFY(!ApiTokens::authenticate(m_db, token).ok());
        QVERIFY(ApiTokens::authenticate(m_db, service).ok());
        ConnectionSettings staff = TestCluster::instance()
                                       .superuser(m_database)
                                       .withLogin(login, QStringLiteral("the leaver's password"));
        auto db = sql::open(staff, login + QStringLiteral("-after"));
        QVERIFY(!db.ok());
        // A token for them cannot be made any more either.
        QCOMPARE(run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--staff"), login})
                     .exitCode,
                 1);
    }

    void unknownCommandsShowUsage()
    {
        const Run r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage: mpanel-service")));
    }

    void serveRefusesAStaleSchemaUntilMigrated()
    {
        const QString empty = TestCluster::instance().emptyDatabase().database;
        const Run refused = run({QStringLiteral("serve")}, {}, empty);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("mpanel-service migrate")), qPrintable(refused.err));
        const Run tenantRefused =
            run({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("X")}, {}, empty);
        QCOMPARE(tenantRefused.exitCode, 1);

        const Run migrated = run({QStringLiteral("migrate")}, {}, empty);
        QCOMPARE(migrated.exitCode, 0);
        QVERIFY(migrated.out.contains(QStringLiteral("schema is current")));
        QCOMPARE(run({QStringLiteral("migrate")}, {}, empty).out.trimmed(),
                 QStringLiteral("applied 0 migration(s); schema is current"));
    }

    void serveAnswersReadinessAndStopsCleanlyOnSigterm()
    {
        const int port = freePort();
        QTemporaryDir dir;
        const QString configPath = dir.filePath(QStringLiteral("mpanel.conf"));
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("MPANEL_LISTEN=127.0.0.1:%1\n").arg(port).toUtf8());
        config.close();

        QProcess service;
        service.setProcessEnvironment(environment(m_database));
        service.start(QStringLiteral(MPANEL_SERVICE_BINARY),
                      {QStringLiteral("--config"), configPath, QStringLiteral("serve"),
                       QStringLiteral("--no-workers")});
        QVERIFY(service.waitForStarted());
        const QUrl ready(QStringLiteral("http://127.0.0.1:%1/readyz").arg(port));
        test::HttpResult r;
        for (int i = 0; i < 100 && r.status != 200; ++i) {
            r = test::httpCall("GET", ready, {}, {}, 1000);
            if (r.status != 200)
                QTest::qWait(50);
        }
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ready"));

        ::kill(pid_t(service.processId()), SIGTERM);
        QVERIFY(service.waitForFinished(10000));
        QCOMPARE(service.exitStatus(), QProcess::NormalExit);
        QCOMPARE(service.exitCode(), 0);
        const QString log = QString::fromUtf8(service.readAllStandardError());
        // One JSON line per request, and the shutdown is logged.
        QVERIFY(log.contains(QStringLiteral("\"event\":\"http_request\"")));
        QVERIFY(log.contains(QStringLiteral("\"path\":\"/readyz\"")));
        QVERIFY(log.contains(QStringLiteral("\"event\":\"service_stopped\"")));
    }

    void badListenAddressIsAClearError()
    {
        QProcess service;
        QProcessEnvironment env = environment(m_database);
        env.insert(QStringLiteral("MPANEL_LISTEN"), QStringLiteral("nowhere"));
        service.setProcessEnvironment(env);
        service.start(QStringLiteral(MPANEL_SERVICE_BINARY), {QStringLiteral("serve")});
        QVERIFY(service.waitForFinished(10000));
        QCOMPARE(service.exitCode(), 1);
        QVERIFY(QString::fromUtf8(service.readAllStandardError()).contains(QStringLiteral("HOST:PORT")));
    }
};

QTEST_GUILESS_MAIN(TestServiceCli)
#include "tst_service_cli.moc"
