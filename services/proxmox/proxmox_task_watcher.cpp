#include "proxmox/proxmox_task_watcher.h"

#include "proxmox/proxmox_job.h"
#include "proxmox/proxmox_paths.h"

#include <QNetworkAccessManager>

namespace mp {

using proxmox::ErrorKind;
using proxmox::ProxmoxError;

ProxmoxTaskWatcher::ProxmoxTaskWatcher(QNetworkAccessManager *network, const ProxmoxSettings &settings,
                                       QString upid, QObject *parent)
    : ProxmoxCall(parent), m_network(network), m_settings(settings), m_upidText(std::move(upid))
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &ProxmoxTaskWatcher::poll);
}

ProxmoxTaskWatcher::ProxmoxTaskWatcher(QNetworkAccessManager *network, const ProxmoxSettings &settings,
                                       ProxmoxJob *mutation, QObject *parent)
    : ProxmoxTaskWatcher(network, settings, QString(), parent)
{
    m_mutation = mutation;
    mutation->setParent(this);
    mutation->setAutoDelete(false);
    // Connected now, not in run(): a mutation refused without a request finishes in the first
    // turn of the event loop, which may come before this watcher's own first turn.
    connect(mutation, &ProxmoxCall::finished, this, &ProxmoxTaskWatcher::onMutationFinished);
}

ProxmoxTaskWatcher::~ProxmoxTaskWatcher() = default;

void ProxmoxTaskWatcher::run()
{
    if (m_mutation)
        m_mutation->start(); // a client's mutation is started already; this is for one that is not
    else
        beginPolling(m_upidText);
}

void ProxmoxTaskWatcher::cancel()
{
    m_tick.stop();
    if (m_mutation && !m_mutation->isFinished())
        m_mutation->disconnect(this);
    if (m_poll)
        m_poll->disconnect(this);
    if (m_mutation && !m_mutation->isFinished())
        m_mutation->abort();
    if (m_poll)
        m_poll->abort();
    fail(taskError(ErrorKind::Aborted, QStringLiteral("stopped waiting for the task (aborted)")));
}

void ProxmoxTaskWatcher::onMutationFinished(const ProxmoxResult &result)
{
    if (!result) {
        fail(m_mutation->proxmoxError());
        return;
    }
    if (!result->isString()) {
        ProxmoxError e = ProxmoxError::transport(
            ErrorKind::InvalidResponse, QStringLiteral("the answer is not a task id (UPID)"),
            QString::fromLatin1(m_mutation->request().method), m_mutation->request().path);
        fail(e);
        return;
    }
    beginPolling(result->toString());
}

void ProxmoxTaskWatcher::beginPolling(const QString &upid)
{
    if (isFinished())
        return;
    auto parsed = proxmox::Upid::parse(upid);
    m_upidText = upid;
    if (!parsed) {
        ProxmoxError e = ProxmoxError::transport(ErrorKind::InvalidResponse, parsed.error().message, {}, {});
        fail(e);
        return;
    }
    m_upid = parsed.value();
    Q_EMIT taskStarted(m_upidText);
    m_waited.start();
    poll();
}

void ProxmoxTaskWatcher::poll()
{
    if (isFinished())
        return;
    ++m_polls;
    // The task's own node, from its UPID: the task runs there even if the call was proxied.
    ProxmoxJob::Request request{
        "GET", proxmox::taskPath(m_upid.node, m_upidText) + QStringLiteral("/status"), {}, true};
    auto *job = new ProxmoxJob(m_network, m_settings, request, this);
    job->setAutoDelete(false);
    m_poll = job;
    connect(job, &ProxmoxCall::finished, this, [this, job] { onPollFinished(job); });
    job->start();
}

void ProxmoxTaskWatcher::onPollFinished(ProxmoxJob *job)
{
    job->deleteLater();
    m_poll = nullptr;
    if (isFinished())
        return;
    const ProxmoxResult &result = job->result();
    if (!result) {
        const ProxmoxError &e = job->proxmoxError();
        const bool noAnswer = e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout ||
                              (e.kind == ErrorKind::Server && e.httpStatus >= 502);
        if (!noAnswer) {
            fail(e);
            return;
        }
        m_lastPollError = e;
    } else {
        auto status = proxmox::TaskStatus::parse(result.value());
        if (!status) {
            fail(taskError(ErrorKind::InvalidResponse, status.error().message));
            return;
        }
        m_status = status.value();
        if (!m_status.running()) {
            if (m_status.succeeded())
                succeed(result.value());
            else
                fail(taskError(ErrorKind::TaskFailed, QStringLiteral("task %1 for %2 failed: %3")
                                                          .arg(m_upid.type, m_upid.id, m_status.exitStatus)));
            return;
        }
    }
    if (m_waited.elapsed() >= m_settings.taskTimeoutMs) {
        QString detail =
            QStringLiteral("task %1 for %2 still running after %3 s; it may still finish, so look "
                           "at the guest before repeating it")
                .arg(m_upid.type, m_upid.id)
                .arg(m_settings.taskTimeoutMs / 1000.0);
        if (!result)
            detail += QStringLiteral(" (last poll: %1)").arg(m_lastPollError.toError().message);
        fail(taskError(ErrorKind::TaskTimeout, detail));
        return;
    }
    m_tick.start(m_settings.taskPollIntervalMs);
}

ProxmoxError ProxmoxTaskWatcher::taskError(ErrorKind kind, const QString &detail) const
{
    ProxmoxError e = ProxmoxError::transport(kind, detail, QStringLiteral("task"), m_upidText);
    e.node = m_upid.node;
    return e;
}

} // namespace mp
