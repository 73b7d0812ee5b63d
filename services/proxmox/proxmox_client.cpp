#include "proxmox/proxmox_client.h"

#include "proxmox/proxmox_errors.h"
#include "proxmox/proxmox_upid.h"

#include <QNetworkAccessManager>

namespace mp {

using proxmox::ErrorKind;
using proxmox::GuestType;
using proxmox::Params;
using proxmox::ProxmoxError;

ProxmoxClient::ProxmoxClient(ProxmoxSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_settingsStatus(m_settings.validate()),
      m_network(new QNetworkAccessManager(this))
{
}

ProxmoxJob *ProxmoxClient::refuse(const QByteArray &method, const QString &path, const Error &error)
{
    ProxmoxError e =
        ProxmoxError::transport(ErrorKind::InvalidRequest, error.message, QString::fromLatin1(method), path);
    if (!error.field.isEmpty())
        e.paramErrors.insert(error.field, error.message);
    auto *job = new ProxmoxJob(e, this);
    job->start();
    return job;
}

ProxmoxJob *ProxmoxClient::send(ProxmoxJob::Request request)
{
    if (!m_settingsStatus)
        return refuse(request.method, request.path, m_settingsStatus.error());
    auto *job = new ProxmoxJob(m_network, m_settings, std::move(request), this);
    job->start();
    return job;
}

ProxmoxJob *ProxmoxClient::get(const QString &path, const Params &query)
{
    return send({"GET", path, query, true});
}

ProxmoxJob *ProxmoxClient::post(const QString &path, const Params &form)
{
    return send({"POST", path, form, false});
}

ProxmoxJob *ProxmoxClient::del(const QString &path, const Params &query)
{
    return send({"DELETE", path, query, false});
}

ProxmoxJob *ProxmoxClient::version()
{
    return get(QStringLiteral("/version"));
}

ProxmoxJob *ProxmoxClient::clusterResources(const QString &type)
{
    Params query;
    query.addIfSet(QStringLiteral("type"), type);
    return get(QStringLiteral("/cluster/resources"), query);
}

ProxmoxJob *ProxmoxClient::nodeStatus(const QString &node)
{
    const QString path = proxmox::nodePath(node) + QStringLiteral("/status");
    if (!proxmox::isValidNodeName(node))
        return refuse("GET", path,
                      makeError(errors::ProxmoxInvalidRequest,
                                QStringLiteral("'%1' is not a node name").arg(node), QStringLiteral("node")));
    return get(path);
}

ProxmoxJob *ProxmoxClient::storageContent(const QString &node, const QString &storage, const QString &content)
{
    const QString path = proxmox::nodePath(node) + QStringLiteral("/storage/") + proxmox::segment(storage) +
                         QStringLiteral("/content");
    if (!proxmox::isValidNodeName(node) || storage.isEmpty())
        return refuse("GET", path,
                      makeError(errors::ProxmoxInvalidRequest,
                                QStringLiteral("a node and a storage are required"),
                                QStringLiteral("storage")));
    Params query;
    query.addIfSet(QStringLiteral("content"), content);
    return get(path, query);
}

ProxmoxJob *ProxmoxClient::nextVmid(qint64 candidate)
{
    Params query;
    if (candidate != 0)
        query.add(QStringLiteral("vmid"), candidate);
    return get(QStringLiteral("/cluster/nextid"), query);
}

static Status checkGuest(const QString &node, qint64 vmid)
{
    if (!proxmox::isValidNodeName(node))
        return makeError(errors::ProxmoxInvalidRequest, QStringLiteral("'%1' is not a node name").arg(node),
                         QStringLiteral("node"));
    if (!proxmox::isValidVmid(vmid))
        return makeError(errors::ProxmoxInvalidRequest,
                         QStringLiteral("a VMID is 100 to 999999999, got %1").arg(vmid),
                         QStringLiteral("vmid"));
    return {};
}

ProxmoxJob *ProxmoxClient::guestStatus(GuestType type, const QString &node, qint64 vmid)
{
    const QString path = proxmox::guestPath(type, node, vmid) + QStringLiteral("/status/current");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("GET", path, ok.error());
    return get(path);
}

ProxmoxJob *ProxmoxClient::lxcInterfaces(const QString &node, qint64 vmid)
{
    const QString path = proxmox::guestPath(GuestType::Lxc, node, vmid) + QStringLiteral("/interfaces");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("GET", path, ok.error());
    return get(path);
}

ProxmoxJob *ProxmoxClient::qemuAgentInterfaces(const QString &node, qint64 vmid)
{
    const QString path =
        proxmox::guestPath(GuestType::Qemu, node, vmid) + QStringLiteral("/agent/network-get-interfaces");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("GET", path, ok.error());
    return get(path);
}

ProxmoxJob *ProxmoxClient::taskStatus(const QString &upid)
{
    auto parsed = proxmox::Upid::parse(upid);
    if (!parsed)
        return refuse("GET", QStringLiteral("/nodes/?/tasks/?/status"), parsed.error());
    return get(proxmox::taskPath(parsed->node, upid) + QStringLiteral("/status"));
}

ProxmoxJob *ProxmoxClient::taskLog(const QString &upid, int start, int limit)
{
    auto parsed = proxmox::Upid::parse(upid);
    if (!parsed)
        return refuse("GET", QStringLiteral("/nodes/?/tasks/?/log"), parsed.error());
    Params query;
    query.add(QStringLiteral("start"), start);
    query.add(QStringLiteral("limit"), limit);
    return get(proxmox::taskPath(parsed->node, upid) + QStringLiteral("/log"), query);
}

ProxmoxJob *ProxmoxClient::createLxc(const proxmox::LxcCreateSpec &spec)
{
    const QString path = proxmox::nodePath(spec.node) + QStringLiteral("/lxc");
    auto params = spec.toParams();
    if (!params)
        return refuse("POST", path, params.error());
    return post(path, params.value());
}

ProxmoxJob *ProxmoxClient::cloneQemu(const proxmox::QemuCloneSpec &spec)
{
    const QString path =
        proxmox::guestPath(GuestType::Qemu, spec.node, spec.templateVmid) + QStringLiteral("/clone");
    auto params = spec.toParams();
    if (!params)
        return refuse("POST", path, params.error());
    return post(path, params.value());
}

ProxmoxJob *ProxmoxClient::setQemuConfig(const QString &node, qint64 vmid,
                                         const proxmox::QemuConfigSpec &spec)
{
    const QString path = proxmox::guestPath(GuestType::Qemu, node, vmid) + QStringLiteral("/config");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("POST", path, ok.error());
    auto params = spec.toParams();
    if (!params)
        return refuse("POST", path, params.error());
    return post(path, params.value());
}

ProxmoxJob *ProxmoxClient::startGuest(GuestType type, const QString &node, qint64 vmid)
{
    const QString path = proxmox::guestPath(type, node, vmid) + QStringLiteral("/status/start");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("POST", path, ok.error());
    return post(path, {});
}

ProxmoxJob *ProxmoxClient::stopGuest(GuestType type, const QString &node, qint64 vmid)
{
    const QString path = proxmox::guestPath(type, node, vmid) + QStringLiteral("/status/stop");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("POST", path, ok.error());
    return post(path, {});
}

ProxmoxJob *ProxmoxClient::shutdownGuest(GuestType type, const QString &node, qint64 vmid, int timeoutSeconds,
                                         bool forceStop)
{
    const QString path = proxmox::guestPath(type, node, vmid) + QStringLiteral("/status/shutdown");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("POST", path, ok.error());
    Params form;
    form.add(QStringLiteral("timeout"), qMax(0, timeoutSeconds));
    form.addBool(QStringLiteral("forceStop"), forceStop);
    return post(path, form);
}

ProxmoxJob *ProxmoxClient::destroyGuest(GuestType type, const QString &node, qint64 vmid)
{
    const QString path = proxmox::guestPath(type, node, vmid);
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("DELETE", path, ok.error());
    Params query; // DELETE parameters go in the query string (proxmox.md section 1)
    query.addBool(QStringLiteral("purge"), true);
    query.addBool(QStringLiteral("destroy-unreferenced-disks"), true);
    return del(path, query);
}

ProxmoxJob *ProxmoxClient::setGuestUserPassword(const QString &node, qint64 vmid, const QString &username,
                                                const QString &password)
{
    const QString path =
        proxmox::guestPath(GuestType::Qemu, node, vmid) + QStringLiteral("/agent/set-user-password");
    if (auto ok = checkGuest(node, vmid); !ok)
        return refuse("POST", path, ok.error());
    // The API's own limits (qemu-server Agent.pm): 5 to 1024 characters.
    if (username.isEmpty() || password.size() < 5 || password.size() > 1024)
        return refuse(
            "POST", path,
            makeError(errors::ProxmoxInvalidRequest,
                      QStringLiteral("a user name and a password of 5 to 1024 characters are required"),
                      QStringLiteral("password")));
    Params form;
    form.add(QStringLiteral("username"), username);
    form.add(QStringLiteral("password"), password);
    return post(path, form);
}

ProxmoxTaskWatcher *ProxmoxClient::watchTask(const QString &upid)
{
    auto *watcher = new ProxmoxTaskWatcher(m_network, m_settings, upid, this);
    watcher->start();
    return watcher;
}

ProxmoxTaskWatcher *ProxmoxClient::runTask(ProxmoxJob *mutation)
{
    auto *watcher = new ProxmoxTaskWatcher(m_network, m_settings, mutation, this);
    watcher->start();
    return watcher;
}

} // namespace mp
