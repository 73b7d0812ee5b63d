#include "support/script_server.h"

#include "core/errors.h"

#include <QCoreApplication>
#include <QProcess>
#include <QUuid>

namespace mp::test {

namespace {

QString scriptPath(const QString &script)
{
    return QStringLiteral(MPANEL_TESTS_SOURCE_DIR "/servers/") + script;
}

} // namespace

ScriptServer::ScriptServer(QString script)
    : m_script(std::move(script)), m_dir(QStringLiteral("/tmp/mpanel-%1-%2-%3")
                                             .arg(m_script)
                                             .arg(QCoreApplication::applicationPid())
                                             .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
}

ScriptServer::~ScriptServer()
{
    stop();
}

Status ScriptServer::start(const QStringList &args)
{
    QProcess p;
    p.start(scriptPath(m_script), QStringList{QStringLiteral("start"), m_dir} + args);
    m_started = true;
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(errors::Internal, QStringLiteral("%1 start failed: %2 %3")
                                               .arg(m_script, QString::fromUtf8(p.readAllStandardOutput()),
                                                    QString::fromUtf8(p.readAllStandardError())));
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            m_values.insert(line.left(eq), line.mid(eq + 1).trimmed());
    }
    return {};
}

Status ScriptServer::run(const QString &command)
{
    QProcess p;
    p.start(scriptPath(m_script), {command, m_dir});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return makeError(errors::Internal,
                         QStringLiteral("%1 %2 failed: %3")
                             .arg(m_script, command, QString::fromUtf8(p.readAllStandardError())));
    return {};
}

void ScriptServer::stop()
{
    if (!m_started)
        return;
    m_started = false;
    QProcess p;
    p.start(scriptPath(m_script), {QStringLiteral("stop"), m_dir});
    p.waitForFinished(30000);
}

} // namespace mp::test
