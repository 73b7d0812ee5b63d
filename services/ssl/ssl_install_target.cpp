#include "ssl/ssl_install_target.h"

#include "core/errors.h"
#include "ssl/ssl_environment.h"
#include "ssl/ssl_errors.h"
#include "ssl/ssl_hook_target.h"
#include "ssl/ssl_nginx_target.h"

#include <QFile>
#include <QProcess>
#include <QSaveFile>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mp::ssl {

namespace {

Error installError(const QString &message)
{
    return makeError(errors::SslInstallFailed, message);
}

} // namespace

Result<std::unique_ptr<SslInstallTarget>> SslInstallTarget::configured()
{
    const QString kind = SslEnvironment::setting(QStringLiteral("MPANEL_SSL_TARGET"), QStringLiteral("none"));
    if (kind == QLatin1String("none"))
        return std::unique_ptr<SslInstallTarget>();
    if (kind == QLatin1String("nginx"))
        return SslNginxTarget::fromSettings();
    if (kind == QLatin1String("hook"))
        return SslHookTarget::fromSettings();
    return makeError(errors::InvalidValue,
                     QStringLiteral("MPANEL_SSL_TARGET is nginx, hook or none, not '%1'").arg(kind),
                     QStringLiteral("MPANEL_SSL_TARGET"));
}

Status SslInstallTarget::run(const QString &what, const QString &command, const QStringList &arguments)
{
    QStringList argv = QProcess::splitCommand(command);
    if (argv.isEmpty())
        return installError(QStringLiteral("%1: no command is set").arg(what));
    const QString program = argv.takeFirst();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, argv + arguments);
    const int timeoutMs =
        SslEnvironment::setting(QStringLiteral("MPANEL_SSL_COMMAND_TIMEOUT_MS"), QStringLiteral("30000"))
            .toInt();
    if (!process.waitForFinished(qMax(1000, timeoutMs))) {
        const QString why = process.error() == QProcess::FailedToStart ? QStringLiteral("could not start")
                                                                       : QStringLiteral("did not finish");
        process.kill();
        process.waitForFinished(1000);
        return installError(QStringLiteral("%1: '%2' %3").arg(what, command, why));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return installError(QStringLiteral("%1: '%2' failed (exit %3): %4")
                                .arg(what, command)
                                .arg(process.exitCode())
                                .arg(QString::fromLocal8Bit(process.readAll()).trimmed().left(500)));
    return {};
}

Status SslInstallTarget::writeFile(const QString &path, const QByteArray &data, int mode,
                                   const QString &group)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return installError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    // Narrowed before a byte of the key is written.
    if (::fchmod(file.handle(), mode_t(mode)) != 0)
        return installError(QStringLiteral("cannot set the permissions of %1").arg(path));
    if (!group.isEmpty()) {
        const struct group *g = ::getgrnam(group.toLocal8Bit().constData());
        if (!g)
            return installError(QStringLiteral("no group '%1' to give %2 to").arg(group, path));
        if (::fchown(file.handle(), uid_t(-1), g->gr_gid) != 0)
            return installError(QStringLiteral("cannot give %1 to group %2").arg(path, group));
    }
    if (file.write(data) != data.size() || !file.commit())
        return installError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace mp::ssl
