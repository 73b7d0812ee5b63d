#pragma once

#include "proxmox/proxmox_call.h"
#include "proxmox/proxmox_settings.h"
#include "proxmox/proxmox_task_status.h"
#include "proxmox/proxmox_upid.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace mp {

class ProxmoxJob;

// Waits for a Proxmox task: polls GET /nodes/{node}/tasks/{upid}/status every
// taskPollIntervalMs until it is "stopped", then succeeds with the status object when the
// exitstatus is OK (or WARNINGS: n) and fails with proxmox_task_failed and the exit status
// otherwise. Still running after taskTimeoutMs: proxmox_task_timeout (the task may still
// finish; mPanel stops waiting, it does not stop the task).
//
// Mutations do their checks synchronously and report later failures only as the task's
// exitstatus (proxmox.md section 3, "Asynchronous model"), so a create is done when its task
// says so, not when the POST returns.
//
// It can start from a UPID, or from a pending mutation job whose data is the UPID (then a
// failure of the mutation itself is this call's failure). A poll that gets no answer is
// repeated on the next tick until the deadline; a poll refused by Proxmox (4xx) ends the wait.
class ProxmoxTaskWatcher : public ProxmoxCall {
    Q_OBJECT
public:
    ProxmoxTaskWatcher(QNetworkAccessManager *network, const ProxmoxSettings &settings, QString upid,
                       QObject *parent = nullptr);
    // Takes over `mutation`, a job a ProxmoxClient mutation just returned (not yet finished:
    // its finished() is queued, so taking it over in the same turn of the event loop is safe;
    // the watcher follows it from here, before its own start()).
    ProxmoxTaskWatcher(QNetworkAccessManager *network, const ProxmoxSettings &settings, ProxmoxJob *mutation,
                       QObject *parent = nullptr);
    ~ProxmoxTaskWatcher() override;

    // Known once the mutation answered: record it to find the task again after a restart.
    const QString &upid() const { return m_upidText; }
    // The last status read (running or stopped).
    const proxmox::TaskStatus &lastStatus() const { return m_status; }
    int polls() const { return m_polls; }

Q_SIGNALS:
    // The mutation was accepted and its task is running: the UPID is known.
    void taskStarted(const QString &upid);

protected:
    // A call made of calls: the mutation's, then one poll after another.
    void run() override;
    void cancel() override;

private:
    void onMutationFinished(const ProxmoxResult &result);
    void beginPolling(const QString &upid);
    void poll();
    void onPollFinished(ProxmoxJob *job);
    proxmox::ProxmoxError taskError(proxmox::ErrorKind kind, const QString &detail) const;

    QPointer<QNetworkAccessManager> m_network;
    ProxmoxSettings m_settings;
    QPointer<ProxmoxJob> m_mutation;
    QPointer<ProxmoxJob> m_poll;
    QString m_upidText;
    proxmox::Upid m_upid;
    proxmox::TaskStatus m_status;
    proxmox::ProxmoxError m_lastPollError;
    QTimer m_tick;
    QElapsedTimer m_waited;
    int m_polls = 0;
};

} // namespace mp
