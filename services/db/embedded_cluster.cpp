#include "db/embedded_cluster.h"

#include "db/db_errors.h"
#include "db/pg_connection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace mp {

namespace {

// PostgreSQL refuses to run as root; root's clusters run as the `postgres` system user.
bool runningAsRoot()
{
    return ::geteuid() == 0;
}

Status chownToPostgres(const QString &path)
{
    if (!runningAsRoot())
        return {};
    const passwd *pw = ::getpwnam("postgres");
    if (!pw)
        return makeError(
            errors::EmbeddedDb,
            QStringLiteral("running as root needs the 'postgres' system user (install postgresql)"));
    if (::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) != 0)
        return makeError(errors::EmbeddedDb, QStringLiteral("cannot hand %1 to the postgres user").arg(path));
    return {};
}

} // namespace

EmbeddedCluster::EmbeddedCluster(Options options) : m_options(std::move(options))
{
    if (auto bin = serverBinDirectory())
        m_bin = bin.value();
}

QString EmbeddedCluster::dataDirectory() const
{
    return m_options.directory + QStringLiteral("/data");
}

QString EmbeddedCluster::socketDirectory() const
{
    return m_options.directory + QStringLiteral("/run");
}

QString EmbeddedCluster::logFile() const
{
    return m_options.directory + QStringLiteral("/postgres.log");
}

ConnectionSettings EmbeddedCluster::superuserSettings(const QString &database) const
{
    ConnectionSettings s;
    s.host = socketDirectory();
    s.port = m_options.tcpPort > 0 ? m_options.tcpPort : 5432;
    s.database = database;
    s.user = m_options.superuser;
    return s;
}

Result<QString> EmbeddedCluster::serverBinDirectory()
{
    const QByteArray configured = qgetenv("MPANEL_PG_BIN");
    if (!configured.isEmpty())
        return QString::fromLocal8Bit(configured);
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : std::as_const(versions)) {
        const QString bin = root.filePath(v + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return makeError(errors::EmbeddedDb,
                     QStringLiteral("no PostgreSQL server binaries found under /usr/lib/postgresql "
                                    "(install postgresql-15, or set MPANEL_PG_BIN)"));
}

Status EmbeddedCluster::runServerTool(const QString &tool, const QStringList &args, int timeoutMs,
                                      QString *output) const
{
    QProcess process;
    QString program = m_bin + u'/' + tool;
    QStringList arguments = args;
    if (runningAsRoot()) {
        arguments =
            QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} +
            args;
        program = QStringLiteral("runuser");
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return makeError(errors::EmbeddedDb,
                         QStringLiteral("%1 did not finish: %2").arg(tool, process.errorString()));
    }
    const QString text = QString::fromLocal8Bit(process.readAll());
    if (output)
        *output = text;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return makeError(
            errors::EmbeddedDb,
            QStringLiteral("%1 failed (exit %2): %3").arg(tool).arg(process.exitCode()).arg(text.trimmed()));
    return {};
}

Status EmbeddedCluster::initialise()
{
    QStringList args{QStringLiteral("-D"),
                     dataDirectory(),
                     QStringLiteral("-U"),
                     m_options.superuser,
                     QStringLiteral("-E"),
                     QStringLiteral("UTF8"),
                     QStringLiteral("--locale=C.UTF-8"),
                     QStringLiteral("--auth-local=trust"),
                     QStringLiteral("--auth-host=reject")};
    if (!m_options.durable)
        args << QStringLiteral("--no-sync");
    if (auto s = runServerTool(QStringLiteral("initdb"), args, 120000); !s)
        return s;

    // The superuser is trusted on the socket, which only the cluster's OS user (and root) can
    // open (unix_socket_permissions 0700). Everyone else - staff logins - proves a SCRAM password.
    QFile hba(dataDirectory() + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(errors::EmbeddedDb, QStringLiteral("cannot write pg_hba.conf"));
    QString rules = QStringLiteral("# written by mPanel\n"
                                   "local all %1 trust\n"
                                   "local all all scram-sha-256\n")
                        .arg(m_options.superuser);
    if (m_options.tcpPort > 0)
        rules += QStringLiteral("host all %1 127.0.0.1/32 trust\n"
                                "host all all 127.0.0.1/32 scram-sha-256\n")
                     .arg(m_options.superuser);
    hba.write(rules.toUtf8());
    hba.close();

    QFile conf(dataDirectory() + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append))
        return makeError(errors::EmbeddedDb, QStringLiteral("cannot write postgresql.conf"));
    QString settings =
        QStringLiteral("\n# mPanel embedded cluster\n"
                       "listen_addresses = '%2'\n"
                       "port = %3\n"
                       "unix_socket_directories = '%1'\n"
                       "unix_socket_permissions = 0700\n"
                       "password_encryption = 'scram-sha-256'\n"
                       "max_connections = 100\n"
                       "shared_buffers = 128MB\n"
                       "log_min_messages = warning\n"
                       "timezone = 'UTC'\n"
                       // Monitoring's slow-query report diffs its counters (migration 0030).
                       "shared_preload_libraries = 'pg_stat_statements'\n"
                       "pg_stat_statements.track = top\n")
            .arg(socketDirectory(), m_options.tcpPort > 0 ? QStringLiteral("127.0.0.1") : QString())
            .arg(m_options.tcpPort > 0 ? m_options.tcpPort : 5432);
    if (!m_options.durable)
        settings += QStringLiteral("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
    conf.write(settings.toUtf8());
    return {};
}

bool EmbeddedCluster::isRunning() const
{
    if (!QFile::exists(dataDirectory() + QStringLiteral("/postmaster.pid")))
        return false;
    return bool(runServerTool(QStringLiteral("pg_ctl"),
                              {QStringLiteral("-D"), dataDirectory(), QStringLiteral("status")}, 10000));
}

Status EmbeddedCluster::waitUntilAccepting(int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    Error last;
    while (timer.elapsed() < timeoutMs) {
        auto conn = PgConnection::connect(superuserSettings(QStringLiteral("postgres")));
        if (conn)
            return {};
        last = conn.error();
        QThread::msleep(100);
    }
    return makeError(errors::EmbeddedDb,
                     QStringLiteral("the embedded database did not accept connections: %1 (see %2)")
                         .arg(last.message, logFile()));
}

Status EmbeddedCluster::ensureRunning()
{
    m_created = false;
    auto bin = serverBinDirectory();
    if (!bin)
        return bin.error();
    m_bin = bin.value();

    if (!QDir().mkpath(m_options.directory))
        return makeError(errors::EmbeddedDb, QStringLiteral("cannot create %1").arg(m_options.directory));
    QLockFile lock(m_options.directory + QStringLiteral("/.start.lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(120000))
        return makeError(errors::EmbeddedDb,
                         QStringLiteral("another process holds %1/.start.lock").arg(m_options.directory));

    for (const QString &dir : {m_options.directory, socketDirectory()}) {
        QDir().mkpath(dir);
        if (auto s = chownToPostgres(dir); !s)
            return s;
    }
    QFile::setPermissions(m_options.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    if (!QFile::exists(dataDirectory() + QStringLiteral("/PG_VERSION"))) {
        if (auto s = initialise(); !s)
            return s;
        m_created = true;
    }
    if (!isRunning()) {
        if (auto s = runServerTool(QStringLiteral("pg_ctl"),
                                   {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-l"), logFile(),
                                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                    QStringLiteral("start")},
                                   90000);
            !s)
            return makeError(errors::EmbeddedDb,
                             QStringLiteral("%1 (server log: %2)").arg(s.error().message, logFile()));
    }
    return waitUntilAccepting(30000);
}

Status EmbeddedCluster::stop()
{
    auto bin = serverBinDirectory();
    if (!bin)
        return bin.error();
    m_bin = bin.value();
    if (!isRunning())
        return {};
    return runServerTool(QStringLiteral("pg_ctl"),
                         {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"), QStringLiteral("fast"),
                          QStringLiteral("-w"), QStringLiteral("stop")},
                         60000);
}

} // namespace mp
