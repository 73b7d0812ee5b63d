#pragma once

#include "ssl/ssl_install_target.h"

namespace mp::ssl {

// The shipped install target: per certificate, <dir>/<id>/fullchain.pem and privkey.pem (0640
// for MPANEL_SSL_NGINX_KEY_GROUP, else 0600) and <dir>/<id>.conf with two server blocks for its
// names: HTTP that forwards /.well-known/acme-challenge/ to the service (so HTTP-01 renewals
// keep working) and redirects everything else to HTTPS, and HTTPS with the certificate, which
// includes <dir>/<id>.site/*.conf for the site itself. Then the reload command.
// Settings: MPANEL_SSL_NGINX_DIR (an `include <dir>/*.conf;` in nginx's http block is the
// operator's one edit), MPANEL_SSL_NGINX_RELOAD (default "nginx -s reload"),
// MPANEL_SSL_NGINX_HTTP_LISTEN / _HTTPS_LISTEN (default 80 / 443), MPANEL_SSL_NGINX_KEY_GROUP.
class SslNginxTarget : public SslInstallTarget {
public:
    static Result<std::unique_ptr<SslInstallTarget>> fromSettings();

    QString describe() const override;
    Status install(const InstallBundle &bundle) override;

    // The server blocks of <id>.conf (public for the tests).
    QString serverBlocks(const InstallBundle &bundle) const;

private:
    QString m_dir, m_reload, m_httpListen, m_httpsListen, m_keyGroup, m_challengeUpstream;
};

} // namespace mp::ssl
