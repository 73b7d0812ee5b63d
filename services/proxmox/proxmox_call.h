#pragma once

#include "core/result.h"
#include "proxmox/proxmox_error.h"

#include <QJsonValue>
#include <QObject>

#include <optional>

namespace mp {

// The `data` of a Proxmox answer, or a readable error.
using ProxmoxResult = Result<QJsonValue>;

// What every asynchronous Proxmox operation looks like to its caller (after ownCloud's
// AbstractNetworkJob): started once, abortable, finished() emitted exactly once and always from
// the event loop, then deleted unless setAutoDelete(false). One REST call (ProxmoxJob) and
// waiting for a task (ProxmoxTaskWatcher) are both calls, so code that runs them (a blocking
// wrapper for job workers, a chain of steps) treats them alike.
class ProxmoxCall : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    // Stops the call; finished() then reports proxmox_aborted. For a POST, whether Proxmox
    // already acted is unknown: look before repeating it.
    virtual void abort() = 0;

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool isFinished() const { return m_result.has_value(); }
    const ProxmoxResult &result() const { return *m_result; } // valid once finished
    // The structured error behind a failed result (kind, status, node, Proxmox's words).
    const proxmox::ProxmoxError &proxmoxError() const { return m_error; }

Q_SIGNALS:
    void finished(const mp::ProxmoxResult &result);

protected:
    void succeed(const QJsonValue &data);
    void fail(const proxmox::ProxmoxError &error);
    void failWith(const Error &error); // an mp::Error from elsewhere (a parse failure)

private:
    void finish(ProxmoxResult result);

    std::optional<ProxmoxResult> m_result;
    proxmox::ProxmoxError m_error;
    bool m_autoDelete = true;
};

} // namespace mp
