#include "support/mail_servers.h"

#include "core/errors.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

namespace mp::test {

namespace {

const QString kScript = QStringLiteral(MPANEL_TESTS_SOURCE_DIR "/servers/mail-servers");
const QString kClient = QStringLiteral(MPANEL_TESTS_SOURCE_DIR "/mail_client.py");

} // namespace

MailServers::MailServers() = default;

MailServers::~MailServers()
{
    stop();
}

Status MailServers::start(const ConnectionSettings &database, const QString &login, const QString &password)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return makeError(errors::Internal, QStringLiteral("no temporary directory for the mail servers"));
    // Dovecot and Postfix (as their own users) walk into it.
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther);
    m_root = m_dir->path() + QStringLiteral("/host");
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MAIL_PG_PORT"), QString::number(database.port));
    env.insert(QStringLiteral("MAIL_PG_DB"), database.database);
    env.insert(QStringLiteral("MAIL_PG_USER"), login);
    env.insert(QStringLiteral("MAIL_PG_PASSWORD"), password);
    script.setProcessEnvironment(env);
    script.start(kScript, {QStringLiteral("start"), m_root});
    if (!script.waitForFinished(60000) || script.exitStatus() != QProcess::NormalExit ||
        script.exitCode() != 0)
        return makeError(errors::Internal, QStringLiteral("mail-servers start failed: %1 %2")
                                               .arg(QString::fromUtf8(script.readAllStandardOutput()),
                                                    QString::fromUtf8(script.readAllStandardError())));
    for (const QString &line : QString::fromUtf8(script.readAllStandardOutput()).split(u'\n')) {
        const QString key = line.section(u'=', 0, 0);
        const QString value = line.section(u'=', 1);
        if (key == QLatin1String("IMAP_PORT"))
            m_imapPort = value.toInt();
        else if (key == QLatin1String("SMTP_PORT"))
            m_smtpPort = value.toInt();
        else if (key == QLatin1String("SUBMISSION_PORT"))
            m_submissionPort = value.toInt();
        else if (key == QLatin1String("POSTFIX_CONFIG"))
            m_postfixConfig = value;
        else if (key == QLatin1String("MAIL_ROOT"))
            m_mailRoot = value;
    }
    if (m_imapPort <= 0 || m_smtpPort <= 0 || m_submissionPort <= 0 || m_postfixConfig.isEmpty() ||
        m_mailRoot.isEmpty())
        return makeError(errors::Internal, QStringLiteral("mail-servers printed no ports"));
    return {};
}

void MailServers::stop()
{
    if (m_root.isEmpty())
        return;
    QProcess script;
    script.start(kScript, {QStringLiteral("stop"), m_root});
    script.waitForFinished(30000);
    m_root.clear();
    m_dir.reset();
}

QString MailServers::client(const QStringList &args) const
{
    QProcess python;
    python.start(QStringLiteral("python3"), QStringList{kClient} + args);
    if (!python.waitForFinished(60000))
        return QStringLiteral("timeout");
    return QString::fromUtf8(python.readAllStandardOutput()).trimmed() +
           QString::fromUtf8(python.readAllStandardError()).trimmed();
}

QString MailServers::login(const QString &address, const QString &password) const
{
    return client({QStringLiteral("login"), QString::number(m_imapPort), address, password});
}

QString MailServers::send(const QString &from, const QString &to, const QString &subject) const
{
    return client({QStringLiteral("send"), QString::number(m_smtpPort), from, to, subject});
}

QString MailServers::submit(const QString &login, const QString &password, const QString &to,
                            const QString &subject) const
{
    return client(
        {QStringLiteral("submit"), QString::number(m_submissionPort), login, password, to, subject});
}

QString MailServers::dkim(const QString &address, const QString &password, const QString &subject,
                          int dnsPort) const
{
    return client({QStringLiteral("dkim"), QString::number(m_imapPort), address, password, subject,
                   QString::number(dnsPort)});
}

int MailServers::heldCount() const
{
    return int(QDir(m_root + QStringLiteral("/postfix/spool/hold")).entryList(QDir::Files).size());
}

Status MailServers::releaseHeld() const
{
    // Released mail waits in the deferred queue for the next queue run: flush starts one now.
    for (const QStringList &command :
         {QStringList{QStringLiteral("postsuper"), QStringLiteral("-c"), m_postfixConfig,
                      QStringLiteral("-H"), QStringLiteral("ALL")},
          QStringList{QStringLiteral("postqueue"), QStringLiteral("-c"), m_postfixConfig,
                      QStringLiteral("-f")}}) {
        QProcess tool;
        tool.start(command.first(), command.mid(1));
        if (!tool.waitForFinished(30000) || tool.exitCode() != 0)
            return makeError(errors::Internal,
                             QStringLiteral("%1 failed: %2")
                                 .arg(command.join(u' '), QString::fromUtf8(tool.readAllStandardError())));
    }
    return {};
}

int MailServers::count(const QString &address, const QString &password, const QString &subject,
                       double seconds) const
{
    const QString out = client({QStringLiteral("count"), QString::number(m_imapPort), address, password,
                                subject, QString::number(seconds)});
    bool ok = false;
    const int n = out.toInt(&ok);
    return ok ? n : -1;
}

} // namespace mp::test
