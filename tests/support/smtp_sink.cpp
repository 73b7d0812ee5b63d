#include "support/smtp_sink.h"

#include <QDir>
#include <QJsonDocument>
#include <QTcpServer>
#include <QtDebug>

#ifndef MPANEL_TESTS_SOURCE_DIR
#define MPANEL_TESTS_SOURCE_DIR ""
#endif

namespace mp::test {

namespace {

// Debian's interpreter: python3-aiosmtpd is installed for it, not for another python3 on PATH.
const QString kPython = QStringLiteral("/usr/bin/python3");

QString script(const char *name)
{
    return QStringLiteral(MPANEL_TESTS_SOURCE_DIR "/") + QLatin1String(name);
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

SmtpSink::SmtpSink()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("mail"));
}

SmtpSink::~SmtpSink()
{
    stop();
}

QString SmtpSink::caFile() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

bool SmtpSink::makeCertificate()
{
    if (QFile::exists(caFile()))
        return true;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                   QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
                   QStringLiteral("-out"), caFile()});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        qWarning("openssl: %s", openssl.readAllStandardError().constData());
        return false;
    }
    return true;
}

bool SmtpSink::start(const Options &options)
{
    stop();
    m_options = options;
    if (options.tls && !makeCertificate())
        return false;
    if (m_port == 0)
        m_port = freePort();
    QStringList args{script("smtp_sink.py"), QStringLiteral("--port"), QString::number(m_port),
                     QStringLiteral("--dir"), m_dir.filePath(QStringLiteral("mail"))};
    if (options.tls)
        args << QStringLiteral("--cert") << caFile() << QStringLiteral("--key")
             << m_dir.filePath(QStringLiteral("key.pem"));
    if (!options.user.isEmpty())
        args << QStringLiteral("--user") << options.user << QStringLiteral("--password") << options.password;
    if (!options.rejectRecipient.isEmpty())
        args << QStringLiteral("--reject-rcpt") << options.rejectRecipient;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(kPython, args);
    if (!m_process->waitForStarted(10000)) {
        qWarning("smtp sink did not start: %s", qPrintable(m_process->errorString()));
        return false;
    }
    // A port the previous instance held may take a moment to free: the script reports failure.
    while (m_process->state() == QProcess::Running && !m_process->canReadLine())
        m_process->waitForReadyRead(200);
    const QByteArray line = m_process->readLine();
    if (!line.startsWith("ready")) {
        qWarning("smtp sink: %s %s", line.constData(), m_process->readAllStandardError().constData());
        return false;
    }
    return true;
}

void SmtpSink::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool SmtpSink::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QStringList SmtpSink::messages() const
{
    const QDir dir(m_dir.filePath(QStringLiteral("mail")));
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

QJsonObject SmtpSink::summary(const QString &file) const
{
    QProcess p;
    p.start(kPython, {script("mail_summary.py"), file});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning("mail_summary: %s", p.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void SmtpSink::clear()
{
    for (const QString &file : messages())
        QFile::remove(file);
}

} // namespace mp::test
