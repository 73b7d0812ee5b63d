#pragma once

#include "core/result.h"
#include "provider_call/provider_call.h"
#include "proxmox/proxmox_error.h"

#include <QJsonValue>

#include <optional>

namespace mp {

// The `data` of a Proxmox answer, or a readable error.
using ProxmoxResult = Result<QJsonValue>;

// What every asynchronous Proxmox operation looks like to its caller: a ProviderCall (started
// once, abortable, finished() emitted exactly once and always from the event loop, then deleted
// unless setAutoDelete(false)) with a ProxmoxResult. One REST call (ProxmoxJob) and waiting for
// a task (ProxmoxTaskWatcher) are both calls, so code that runs them (a blocking wrapper for job
// workers, a chain of steps) treats them alike. After abort() (proxmox_aborted), whether
// Proxmox already acted on a POST is unknown: look before repeating it.
class ProxmoxCall : public ProviderCall {
    Q_OBJECT
public:
    const ProxmoxResult &result() const { return *m_result; } // valid once finished
    // The structured error behind a failed result (kind, status, node, Proxmox's words).
    const proxmox::ProxmoxError &proxmoxError() const { return m_error; }

Q_SIGNALS:
    void finished(const mp::ProxmoxResult &result);

protected:
    using ProviderCall::ProviderCall;

    // Record the outcome and end the call.
    void succeed(const QJsonValue &data);
    void fail(const proxmox::ProxmoxError &error);
    void failWith(const Error &error); // an mp::Error from elsewhere (a parse failure)
    // Record the outcome of an attempt; ProviderCall ends the call or tries again.
    void recordSuccess(const QJsonValue &data);
    void recordFailure(const proxmox::ProxmoxError &error);

    void emitFinished() override;

private:
    std::optional<ProxmoxResult> m_result;
    proxmox::ProxmoxError m_error;
};

} // namespace mp
