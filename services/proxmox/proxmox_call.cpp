#include "proxmox/proxmox_call.h"

namespace mp {

void ProxmoxCall::succeed(const QJsonValue &data)
{
    finish(data);
}

void ProxmoxCall::fail(const proxmox::ProxmoxError &error)
{
    if (m_result)
        return;
    m_error = error;
    finish(error.toError());
}

void ProxmoxCall::failWith(const Error &error)
{
    if (m_result)
        return;
    m_error = proxmox::ProxmoxError::transport(proxmox::ErrorKind::InvalidResponse, error.message, {}, {});
    finish(error);
}

void ProxmoxCall::finish(ProxmoxResult result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    Q_EMIT finished(*m_result);
    if (m_autoDelete)
        deleteLater();
}

} // namespace mp
