#include "support/test_cluster.h"

#include "db/embedded_cluster.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "service/service_modules.h"
#include "tenancy/tenants.h"

#include <QDir>
#include <QTcpServer>
#include <QTest>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace mp::test {

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

[[noreturn]] void abortWith(const QString &what)
{
    std::fprintf(stderr, "test cluster: %s\n", qPrintable(what));
    std::abort();
}

EmbeddedCluster::Options options(const QString &dir, int port)
{
    EmbeddedCluster::Options o;
    o.directory = dir;
    o.durable = false;
    o.tcpPort = port;
    return o;
}

} // namespace

TestCluster &TestCluster::instance()
{
    // Every test that has a database runs against the whole services library, as the service
    // and the console do: the modules' job kinds, product types and hooks are in place.
    installServiceModules();
    static TestCluster cluster;
    return cluster;
}

TestCluster::TestCluster()
{
    m_dir = QDir::tempPath() + QStringLiteral("/mpanel-test-%1").arg(::getpid());
    QDir(m_dir).removeRecursively();
    m_port = freePort();
    EmbeddedCluster cluster(options(m_dir, m_port));
    if (auto s = cluster.ensureRunning(); !s)
        abortWith(s.error().message);
    m_started = true;

    auto admin = PgConnection::connect(superuser(QStringLiteral("postgres")));
    if (!admin)
        abortWith(admin.error().message);
    for (const char *name : {"mpanel_template", "mpanel_empty"}) {
        if (auto s = admin.value()->exec(QStringLiteral("CREATE DATABASE %1").arg(QLatin1String(name))); !s)
            abortWith(s.error().message);
    }
    auto conn = PgConnection::connect(superuser(QStringLiteral("mpanel_template")));
    if (!conn)
        abortWith(conn.error().message);
    if (auto applied = Migrator(*conn.value()).migrate(); !applied)
        abortWith(applied.error().message);
}

TestCluster::~TestCluster()
{
    if (!m_started)
        return;
    // Runs after main() returned: Qt Sql is gone by now, so leave its connections alone; a fast
    // shutdown disconnects them server-side.
    EmbeddedCluster cluster(options(m_dir, m_port));
    (void)cluster.stop();
    if (qEnvironmentVariableIsEmpty("MPANEL_KEEP_TEST_CLUSTER"))
        QDir(m_dir).removeRecursively();
}

ConnectionSettings TestCluster::superuser(const QString &database) const
{
    EmbeddedCluster cluster(options(m_dir, m_port));
    ConnectionSettings s = cluster.superuserSettings(database);
    s.host = QStringLiteral("127.0.0.1");
    return s;
}

QString TestCluster::socketDirectory() const
{
    return m_dir + QStringLiteral("/run");
}

QString TestCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql://mpanel@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

QString TestCluster::createDatabase(const QString &templateName)
{
    const QString name = QStringLiteral("t%1_%2").arg(::getpid()).arg(++m_counter);
    auto admin = PgConnection::connect(superuser(QStringLiteral("postgres")));
    if (!admin)
        abortWith(admin.error().message);
    if (auto s =
            admin.value()->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, templateName));
        !s)
        abortWith(s.error().message);
    return name;
}

ConnectionSettings TestCluster::freshDatabase()
{
    return superuser(createDatabase(QStringLiteral("mpanel_template")));
}

ConnectionSettings TestCluster::emptyDatabase()
{
    return superuser(createDatabase(QStringLiteral("mpanel_empty")));
}

QSqlDatabase openDatabase(const ConnectionSettings &settings, const QString &name)
{
    auto db = sql::open(settings, name);
    if (!db)
        abortWith(db.error().message);
    return db.value();
}

QString createTenant(const QSqlDatabase &owner, const QString &name)
{
    auto id = Tenants::create(owner, name);
    if (!id)
        abortWith(id.error().message);
    return id.value();
}

QString uniqueLogin(const QString &stem)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("%1_%2_%3").arg(stem).arg(::getpid()).arg(++counter);
}

} // namespace mp::test
