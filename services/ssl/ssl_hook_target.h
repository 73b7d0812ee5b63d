#pragma once

#include "ssl/ssl_install_target.h"

namespace mp::ssl {

// The install target for anything else: the chain and the key go to <dir>/<id>/fullchain.pem and
// privkey.pem (0600; MPANEL_SSL_HOOK_DIR, default <data dir>/ssl-certificates) and the operator's
// command MPANEL_SSL_HOOK runs with: <id> <fullchain path> <privkey path> <name>...
class SslHookTarget : public SslInstallTarget {
public:
    static Result<std::unique_ptr<SslInstallTarget>> fromSettings();

    QString describe() const override;
    Status install(const InstallBundle &bundle) override;

private:
    QString m_dir, m_command;
};

} // namespace mp::ssl
