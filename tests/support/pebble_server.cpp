#include "support/pebble_server.h"

#include "core/errors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#ifndef MPANEL_TESTS_SOURCE_DIR
#define MPANEL_TESTS_SOURCE_DIR ""
#endif

namespace mp::test {

namespace {

QString script()
{
    return QStringLiteral(MPANEL_TESTS_SOURCE_DIR "/servers/pebble-server");
}

Status failed(const QString &message)
{
    return makeError(errors::Internal, message);
}

} // namespace

PebbleServer::~PebbleServer()
{
    stop();
}

Status PebbleServer::start(const Options &options)
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/mpanel-pebble-XXXXXX"));
    if (!m_dir->isValid())
        return failed(QStringLiteral("no temporary directory for Pebble"));
    m_dir->setAutoRemove(false); // the script removes it when it stops the servers
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (options.http01Port)
        env.insert(QStringLiteral("PEBBLE_HTTP01_PORT"), QString::number(options.http01Port));
    env.insert(QStringLiteral("CHALL_HTTP01"),
               options.challtestsrvAnswersHttp01 ? QStringLiteral("1") : QStringLiteral("0"));
    env.insert(QStringLiteral("PEBBLE_CERT_VALIDITY"), QString::number(options.certificateValiditySeconds));
    env.insert(QStringLiteral("PEBBLE_NONCEREJECT"), QString::number(options.nonceRejectPercent));
    if (!options.dnsServer.isEmpty())
        env.insert(QStringLiteral("PEBBLE_DNS_SERVER"), options.dnsServer);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("bash"), {script(), QStringLiteral("start"), m_dir->path()});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        const QString why = QString::fromUtf8(process.readAllStandardError());
        stop();
        return failed(QStringLiteral("%1 start failed: %2").arg(script(), why));
    }
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0)
            m_values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    if (directoryUrl().isEmpty())
        return failed(QStringLiteral("%1 printed no directory URL").arg(script()));
    return {};
}

void PebbleServer::stop()
{
    if (!m_dir)
        return;
    QProcess process;
    process.start(QStringLiteral("bash"), {script(), QStringLiteral("stop"), m_dir->path()});
    process.waitForFinished(30000);
    m_dir.reset();
    m_values.clear();
}

Status PebbleServer::addHttp01(const QString &token, const QString &keyAuthorization) const
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("token"), token},
                                                      {QStringLiteral("content"), keyAuthorization}})
                                .toJson(QJsonDocument::Compact);
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-fsS"), QStringLiteral("-d"), QString::fromUtf8(body),
                m_values.value(QStringLiteral("CHALL_MGMT")) + QStringLiteral("/add-http01")});
    if (!curl.waitForFinished(10000) || curl.exitCode() != 0)
        return failed(QStringLiteral("challtestsrv refused the token: %1")
                          .arg(QString::fromUtf8(curl.readAllStandardError())));
    return {};
}

namespace {

QByteArray curlGet(const QString &caFile, const QString &url)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-fsS"), QStringLiteral("--cacert"), caFile, url});
    if (!curl.waitForFinished(10000) || curl.exitCode() != 0)
        return {};
    return curl.readAllStandardOutput();
}

} // namespace

QString PebbleServer::certificateStatus(const QString &serialHex) const
{
    const QByteArray body = curlGet(tlsCaFile(), m_values.value(QStringLiteral("PEBBLE_MGMT")) +
                                                     QStringLiteral("/cert-status-by-serial/") + serialHex);
    return QJsonDocument::fromJson(body).object().value(QLatin1String("Status")).toString();
}

QByteArray PebbleServer::directoryJson() const
{
    return curlGet(tlsCaFile(), directoryUrl());
}

QString PebbleServer::verify(const QString &pemFile) const
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("verify"), QStringLiteral("-CAfile"), rootFile(),
                                              QStringLiteral("-untrusted"), intermediateFile(), pemFile});
    if (!openssl.waitForFinished(20000))
        return QStringLiteral("openssl verify did not finish");
    const QString out = QString::fromUtf8(openssl.readAll()).trimmed();
    return openssl.exitCode() == 0 && out.endsWith(QLatin1String(": OK")) ? QString() : out;
}

} // namespace mp::test
