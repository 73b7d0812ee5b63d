#include "cloudpods/cluster_mode.h"

#include "core/errors.h"

#include <QHostAddress>

namespace mp::cloudpods::cluster_mode {

bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status check(const QString &mode, const QUrl &apiBase)
{
    const QString field = QStringLiteral("mode");
    if (mode != live && mode != sandbox)
        return makeError(errors::InvalidValue,
                         QStringLiteral("mode is live (a Proxmox VE) or sandbox (mpanel-proxmox-emulator)"),
                         field);
    if (mode == sandbox && !isLoopback(apiBase))
        return makeError(
            errors::InvalidValue,
            QStringLiteral("a sandbox cluster is the emulator on this machine: its api_base must be "
                           "on loopback (127.0.0.1, ::1 or localhost), got '%1'")
                .arg(apiBase.host()),
            field);
    return {};
}

} // namespace mp::cloudpods::cluster_mode
