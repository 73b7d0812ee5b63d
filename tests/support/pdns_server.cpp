#include "support/pdns_server.h"

#include "core/errors.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace mp::test {

namespace {

const char *const kSchema = "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql";

// A port free for both TCP and UDP on 127.0.0.1 right now (DNS needs both).
quint16 freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

Status failed(const QString &message)
{
    return makeError(errors::Internal, message);
}

bool apiAnswers(quint16 port, const QString &key)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(200))
        return false;
    socket.write(QStringLiteral("GET /api/v1/servers/localhost HTTP/1.0\r\nX-API-Key: %1\r\n\r\n")
                     .arg(key)
                     .toLatin1());
    if (!socket.waitForBytesWritten(500))
        return false;
    QByteArray answer;
    while (socket.waitForReadyRead(500))
        answer += socket.readAll();
    return answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.0 200");
}

} // namespace

PdnsServer::PdnsServer() : m_apiKey(QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

PdnsServer::~PdnsServer()
{
    stop();
}

bool PdnsServer::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

Status PdnsServer::start()
{
    // Free ports can be taken between the check and the server's bind: try a few times.
    Status last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        last = launch();
        if (last)
            return last;
        stop();
    }
    return last;
}

Status PdnsServer::launch()
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/mpanel-pdns-XXXXXX"));
    if (!m_dir->isValid())
        return failed(QStringLiteral("no temporary directory for PowerDNS"));
    const QString dir = m_dir->path();
    const QString db = dir + QStringLiteral("/pdns.sqlite3");
    QProcess sqlite;
    sqlite.setStandardInputFile(QString::fromLatin1(kSchema));
    sqlite.start(QStringLiteral("sqlite3"), {db});
    if (!sqlite.waitForFinished(20000) || sqlite.exitCode() != 0)
        return failed(
            QStringLiteral("sqlite3 could not load %1: %2")
                .arg(QString::fromLatin1(kSchema), QString::fromUtf8(sqlite.readAllStandardError())));
    m_dnsPort = freePort();
    m_apiPort = freePort();
    if (m_dnsPort == 0 || m_apiPort == 0 || m_dnsPort == m_apiPort)
        return failed(QStringLiteral("no free loopback ports for PowerDNS"));
    const QString conf =
        QStringLiteral("launch=gsqlite3\n"
                       "gsqlite3-database=%1\n"
                       "gsqlite3-dnssec=yes\n"
                       "local-address=127.0.0.1\n"
                       "local-port=%2\n"
                       "api=yes\n"
                       "api-key=%3\n"
                       "webserver=yes\n"
                       "webserver-address=127.0.0.1\n"
                       "webserver-port=%4\n"
                       "webserver-allow-from=127.0.0.0/8,::1/128\n"
                       "socket-dir=%5\n"
                       "daemon=no\n"
                       "guardian=no\n"
                       "disable-syslog=yes\n"
                       "write-pid=no\n"
                       "loglevel=3\n"
                       // Empty: no security-status query through the system resolver.
                       "security-poll-suffix=\n"
                       // No NOTIFY to the NS names of a zone, ever.
                       "primary=no\n"
                       "cache-ttl=0\n"
                       "query-cache-ttl=0\n"
                       "negquery-cache-ttl=0\n"
                       "zone-cache-refresh-interval=0\n"
                       "default-soa-content=ns1.test.invalid. hostmaster.@ 0 10800 3600 604800 3600\n"
                       "default-api-rectify=yes\n")
            .arg(db)
            .arg(m_dnsPort)
            .arg(m_apiKey)
            .arg(m_apiPort)
            .arg(dir);
    QFile file(dir + QStringLiteral("/pdns.conf"));
    if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) < 0)
        return failed(QStringLiteral("cannot write %1").arg(file.fileName()));
    file.close();

    QString program = QStringLiteral("pdns_server");
    QStringList args{QStringLiteral("--config-dir=") + dir};
    if (::geteuid() == 0) {
        // Not as root: the pdns system user owns its directory and runs the server.
        const passwd *pdns = ::getpwnam("pdns");
        if (!pdns)
            return failed(QStringLiteral("running as root, but there is no pdns user to run PowerDNS as"));
        for (const QString &path : {dir, db, file.fileName()}) {
            if (::chown(path.toLocal8Bit().constData(), pdns->pw_uid, pdns->pw_gid) != 0)
                return failed(QStringLiteral("cannot hand %1 to the pdns user").arg(path));
        }
        args = QStringList{QStringLiteral("--reuid=pdns"), QStringLiteral("--regid=pdns"),
                           QStringLiteral("--init-groups"), program} +
               args;
        program = QStringLiteral("setpriv");
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(dir + QStringLiteral("/pdns.log"));
    m_process->start(program, args);
    if (!m_process->waitForStarted(10000))
        return failed(QStringLiteral("%1 did not start: %2").arg(program, m_process->errorString()));
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running)
            break;
        if (apiAnswers(m_apiPort, m_apiKey))
            return {};
        QThread::msleep(50);
    }
    QFile log(dir + QStringLiteral("/pdns.log"));
    const QString text =
        log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(2000)) : QString();
    return failed(QStringLiteral("PowerDNS did not come up: %1").arg(text));
}

void PdnsServer::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_process.reset();
    m_dir.reset();
}

QStringList PdnsServer::dig(const QString &name, const QString &type, const QStringList &extra) const
{
    QProcess p;
    p.start(QStringLiteral("dig"),
            QStringList{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(m_dnsPort),
                        QStringLiteral("+norec"), QStringLiteral("+short"), QStringLiteral("+time=2"),
                        QStringLiteral("+tries=1"), name, type} +
                extra);
    if (!p.waitForFinished(10000))
        return {QStringLiteral("<dig timed out>")};
    QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

QString PdnsServer::digAnswer(const QString &name, const QString &type, const QStringList &extra) const
{
    QProcess p;
    p.start(QStringLiteral("dig"),
            QStringList{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(m_dnsPort),
                        QStringLiteral("+norec"), QStringLiteral("+time=2"), QStringLiteral("+tries=1"), name,
                        type} +
                extra);
    if (!p.waitForFinished(10000))
        return QStringLiteral("<dig timed out>");
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace mp::test
