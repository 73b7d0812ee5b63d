#include "ssl/ssl_nginx_target.h"

#include "core/errors.h"
#include "ssl/ssl_environment.h"
#include "ssl/ssl_errors.h"

#include <QDir>

namespace mp::ssl {

Result<std::unique_ptr<SslInstallTarget>> SslNginxTarget::fromSettings()
{
    auto target = std::make_unique<SslNginxTarget>();
    target->m_dir = SslEnvironment::setting(QStringLiteral("MPANEL_SSL_NGINX_DIR"));
    if (target->m_dir.isEmpty() || !QDir::isAbsolutePath(target->m_dir))
        return makeError(errors::InvalidValue,
                         QStringLiteral("MPANEL_SSL_NGINX_DIR must name the directory (absolute) nginx "
                                        "includes the certificates' server blocks from"),
                         QStringLiteral("MPANEL_SSL_NGINX_DIR"));
    target->m_reload =
        SslEnvironment::setting(QStringLiteral("MPANEL_SSL_NGINX_RELOAD"), QStringLiteral("nginx -s reload"));
    target->m_httpListen =
        SslEnvironment::setting(QStringLiteral("MPANEL_SSL_NGINX_HTTP_LISTEN"), QStringLiteral("80"));
    target->m_httpsListen =
        SslEnvironment::setting(QStringLiteral("MPANEL_SSL_NGINX_HTTPS_LISTEN"), QStringLiteral("443"));
    target->m_keyGroup = SslEnvironment::setting(QStringLiteral("MPANEL_SSL_NGINX_KEY_GROUP"));
    target->m_challengeUpstream = QStringLiteral("http://") + SslEnvironment::listen();
    return std::unique_ptr<SslInstallTarget>(std::move(target));
}

QString SslNginxTarget::describe() const
{
    return QStringLiteral("nginx (%1)").arg(m_dir);
}

QString SslNginxTarget::serverBlocks(const InstallBundle &b) const
{
    const QString names = b.names.join(u' ');
    const QString files = QDir(m_dir).filePath(b.certificateId);
    return QStringLiteral(
               "# mPanel certificate %1 (serial %2), written by mpanel-service: edits are replaced.\n"
               "server {\n"
               "    listen %3;\n"
               "    server_name %4;\n"
               "    location /.well-known/acme-challenge/ {\n"
               "        proxy_pass %5;\n"
               "        proxy_set_header Host $host;\n"
               "    }\n"
               "    location / {\n"
               "        return 301 https://$host$request_uri;\n"
               "    }\n"
               "}\n"
               "server {\n"
               "    listen %6 ssl;\n"
               "    server_name %4;\n"
               "    ssl_certificate %7/fullchain.pem;\n"
               "    ssl_certificate_key %7/privkey.pem;\n"
               "    include %7.site/*.conf;\n"
               "}\n")
        .arg(b.certificateId, b.serial, m_httpListen, names, m_challengeUpstream, m_httpsListen, files);
}

Status SslNginxTarget::install(const InstallBundle &bundle)
{
    const QDir dir(m_dir);
    const QString files = dir.filePath(bundle.certificateId);
    if (!QDir().mkpath(files))
        return makeError(errors::SslInstallFailed, QStringLiteral("cannot make %1").arg(files));
    // The key first, the server block last: nginx never reads a block whose files are not there.
    if (auto s = writeFile(files + QStringLiteral("/privkey.pem"), bundle.keyPem,
                           m_keyGroup.isEmpty() ? 0600 : 0640, m_keyGroup);
        !s)
        return s;
    if (auto s = writeFile(files + QStringLiteral("/fullchain.pem"), bundle.chainPem, 0644); !s)
        return s;
    if (auto s = writeFile(files + QStringLiteral(".conf"), serverBlocks(bundle).toUtf8(), 0644); !s)
        return s;
    return run(QStringLiteral("reloading nginx"), m_reload);
}

} // namespace mp::ssl
