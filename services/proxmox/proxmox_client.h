#pragma once

#include "proxmox/proxmox_job.h"
#include "proxmox/proxmox_lxc_spec.h"
#include "proxmox/proxmox_paths.h"
#include "proxmox/proxmox_qemu_spec.h"
#include "proxmox/proxmox_settings.h"
#include "proxmox/proxmox_task_watcher.h"

#include <QObject>

class QNetworkAccessManager;

namespace mp {

// The Proxmox VE API subset mPanel uses (proxmox.md, proxmox-api-subset.json), one cluster per
// client, on QNetworkAccessManager's asynchronous API. Every method returns a started job (a
// child of the client) whose finished(ProxmoxResult) carries the answer's `data`; parse it
// with the functions in proxmox_resources.h, proxmox_node_status.h, proxmox_guest.h and
// proxmox_task_status.h. Invalid input or settings give a job that fails without a request.
//
// Reads are retried on no answer. Mutations (create, clone, config, start, stop, shutdown,
// destroy) are sent exactly once and answer a UPID; runTask() waits for that task to stop.
//
// Threads: a client and its jobs belong to the thread that created it, which must run an event
// loop. A job-engine worker uses runProxmoxCall() (proxmox_blocking.h) instead.
class ProxmoxClient : public QObject {
    Q_OBJECT
public:
    explicit ProxmoxClient(ProxmoxSettings settings, QObject *parent = nullptr);

    const ProxmoxSettings &settings() const { return m_settings; }

    // --- reads -----------------------------------------------------------------------------
    ProxmoxJob *version();
    // GET /cluster/resources?type=node|storage|vm. type=vm lists LXC and QEMU guests: how a
    // guest tagged with a pod is found again, and what reconciliation compares.
    ProxmoxJob *clusterResources(const QString &type);
    ProxmoxJob *nodes() { return clusterResources(QStringLiteral("node")); }
    ProxmoxJob *storages() { return clusterResources(QStringLiteral("storage")); }
    ProxmoxJob *guests() { return clusterResources(QStringLiteral("vm")); }
    ProxmoxJob *nodeStatus(const QString &node);
    // Container templates: content=vztmpl.
    ProxmoxJob *storageContent(const QString &node, const QString &storage,
                               const QString &content = QStringLiteral("vztmpl"));
    // The next free VMID, or with `candidate` a check that it is free (400 errors.vmid when
    // not). Racy: two callers can get the same id; the create's "already exists" is the real check.
    ProxmoxJob *nextVmid(qint64 candidate = 0);
    ProxmoxJob *guestStatus(proxmox::GuestType type, const QString &node, qint64 vmid);
    ProxmoxJob *lxcInterfaces(const QString &node, qint64 vmid); // data null while stopped
    ProxmoxJob *qemuAgentInterfaces(const QString &node, qint64 vmid);
    ProxmoxJob *taskStatus(const QString &upid);
    ProxmoxJob *taskLog(const QString &upid, int start = 0, int limit = 50);

    // --- mutations: sent once, data is a UPID ----------------------------------------------
    ProxmoxJob *createLxc(const proxmox::LxcCreateSpec &spec);
    ProxmoxJob *cloneQemu(const proxmox::QemuCloneSpec &spec);
    // Data is a UPID or null (finished at once).
    ProxmoxJob *setQemuConfig(const QString &node, qint64 vmid, const proxmox::QemuConfigSpec &spec);
    ProxmoxJob *startGuest(proxmox::GuestType type, const QString &node, qint64 vmid);
    ProxmoxJob *stopGuest(proxmox::GuestType type, const QString &node, qint64 vmid);
    ProxmoxJob *shutdownGuest(proxmox::GuestType type, const QString &node, qint64 vmid,
                              int timeoutSeconds = 60, bool forceStop = true);
    // DELETE with purge=1 (drops it from backup, replication and HA jobs) and
    // destroy-unreferenced-disks=1. A running guest is refused (500): stop it first.
    ProxmoxJob *destroyGuest(proxmox::GuestType type, const QString &node, qint64 vmid);

    // POST /nodes/{node}/qemu/{vmid}/agent/set-user-password through the QEMU guest agent of a
    // running VM: synchronous, data {"result": {}}. Sent once; the password is never logged.
    ProxmoxJob *setGuestUserPassword(const QString &node, qint64 vmid, const QString &username,
                                     const QString &password);

    // --- tasks -----------------------------------------------------------------------------
    ProxmoxTaskWatcher *watchTask(const QString &upid);
    // Waits for the task a mutation starts: `runTask(client.createLxc(spec))`. Fails with the
    // mutation's error, the task's exitstatus, or a timeout.
    ProxmoxTaskWatcher *runTask(ProxmoxJob *mutation);

    // The building blocks, for calls not wrapped yet.
    ProxmoxJob *get(const QString &path, const proxmox::Params &query = {});
    ProxmoxJob *post(const QString &path, const proxmox::Params &form);
    ProxmoxJob *del(const QString &path, const proxmox::Params &query = {});

private:
    ProxmoxJob *send(ProxmoxJob::Request request);
    ProxmoxJob *refuse(const QByteArray &method, const QString &path, const Error &error);

    ProxmoxSettings m_settings;
    Status m_settingsStatus;
    QNetworkAccessManager *m_network;
};

} // namespace mp
