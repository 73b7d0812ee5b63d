#include "ssl/ssl_hook_target.h"

#include "core/errors.h"
#include "ssl/ssl_environment.h"
#include "ssl/ssl_errors.h"

#include <QDir>

namespace mp::ssl {

Result<std::unique_ptr<SslInstallTarget>> SslHookTarget::fromSettings()
{
    auto target = std::make_unique<SslHookTarget>();
    target->m_command = SslEnvironment::setting(QStringLiteral("MPANEL_SSL_HOOK"));
    if (target->m_command.isEmpty())
        return makeError(errors::Required, QStringLiteral("MPANEL_SSL_TARGET=hook needs MPANEL_SSL_HOOK"),
                         QStringLiteral("MPANEL_SSL_HOOK"));
    target->m_dir =
        SslEnvironment::setting(QStringLiteral("MPANEL_SSL_HOOK_DIR"),
                                QDir(SslEnvironment::dataDir()).filePath(QStringLiteral("ssl-certificates")));
    return std::unique_ptr<SslInstallTarget>(std::move(target));
}

QString SslHookTarget::describe() const
{
    return QStringLiteral("hook %1").arg(m_command);
}

Status SslHookTarget::install(const InstallBundle &bundle)
{
    const QString files = QDir(m_dir).filePath(bundle.certificateId);
    if (!QDir().mkpath(files))
        return makeError(errors::SslInstallFailed, QStringLiteral("cannot make %1").arg(files));
    const QString key = files + QStringLiteral("/privkey.pem");
    const QString chain = files + QStringLiteral("/fullchain.pem");
    if (auto s = writeFile(key, bundle.keyPem, 0600); !s)
        return s;
    if (auto s = writeFile(chain, bundle.chainPem, 0644); !s)
        return s;
    return run(QStringLiteral("the install hook"), m_command,
               QStringList{bundle.certificateId, chain, key} + bundle.names);
}

} // namespace mp::ssl
