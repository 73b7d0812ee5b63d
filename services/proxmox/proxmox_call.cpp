#include "proxmox/proxmox_call.h"

namespace mp {

void ProxmoxCall::recordSuccess(const QJsonValue &data)
{
    m_error = {};
    m_result = data;
}

void ProxmoxCall::recordFailure(const proxmox::ProxmoxError &error)
{
    m_error = error;
    m_result = error.toError();
}

void ProxmoxCall::succeed(const QJsonValue &data)
{
    if (isFinished())
        return;
    recordSuccess(data);
    finish();
}

void ProxmoxCall::fail(const proxmox::ProxmoxError &error)
{
    if (isFinished())
        return;
    recordFailure(error);
    finish();
}

void ProxmoxCall::failWith(const Error &error)
{
    if (isFinished())
        return;
    m_error = proxmox::ProxmoxError::transport(proxmox::ErrorKind::InvalidResponse, error.message, {}, {});
    m_result = error;
    finish();
}

void ProxmoxCall::emitFinished()
{
    Q_EMIT finished(*m_result);
}

} // namespace mp
