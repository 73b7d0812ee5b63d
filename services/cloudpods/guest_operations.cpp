#include "cloudpods/guest_operations.h"

#include "proxmox/proxmox_errors.h"
#include "proxmox/proxmox_guest.h"

#include <QJsonObject>
#include <QThread>

namespace mp::cloudpods {

using proxmox::GuestType;

ProxmoxResult GuestOperations::call(const std::function<ProxmoxCall *(ProxmoxClient &)> &make,
                                    proxmox::ProxmoxError *details)
{
    return runProxmoxCall(m_settings, make, m_stop, details);
}

Error GuestOperations::stepError(const QString &step, const QString &node, const Error &error)
{
    const QString where = node.isEmpty() ? QString() : QStringLiteral(" on node '%1'").arg(node);
    return restate(error, QStringLiteral("%1%2 failed: %3").arg(step, where, error.message), error.field);
}

bool GuestOperations::aborted(const Error &error)
{
    return proxmox::isErrorKind(error, proxmox::ErrorKind::Aborted);
}

Result<QList<proxmox::GuestResource>> GuestOperations::guests()
{
    auto r = call([](ProxmoxClient &c) { return c.guests(); });
    if (!r)
        return stepError(QStringLiteral("listing the guests of %1").arg(m_settings.describe()), {},
                         r.error());
    return proxmox::parseGuestResources(r.value());
}

Result<std::optional<proxmox::GuestResource>>
GuestOperations::findPodGuest(const QString &tag, qint64 vmid, const QString &name, bool *foreign)
{
    if (foreign)
        *foreign = false;
    auto all = guests();
    if (!all)
        return all.error();
    const QList<proxmox::GuestResource> tagged = proxmox::guestsTagged(*all, tag);
    if (!tagged.isEmpty())
        return std::optional<proxmox::GuestResource>(tagged.first());
    for (const proxmox::GuestResource &g : std::as_const(*all)) {
        if (vmid > 0 && g.vmid == vmid) {
            if (foreign)
                *foreign = g.name.compare(name, Qt::CaseInsensitive) != 0;
            return std::optional<proxmox::GuestResource>(g);
        }
    }
    return std::optional<proxmox::GuestResource>();
}

Result<qint64> GuestOperations::nextVmid()
{
    auto r = call([](ProxmoxClient &c) { return c.nextVmid(); });
    if (!r)
        return stepError(QStringLiteral("asking for a free VMID"), {}, r.error());
    return proxmox::parseNextVmid(r.value());
}

Status GuestOperations::runTask(const QString &step, const QString &node,
                                const std::function<ProxmoxCall *(ProxmoxClient &)> &make,
                                proxmox::ProxmoxError *details)
{
    auto r = call(make, details);
    if (!r)
        return stepError(step, node, r.error());
    return {};
}

Status GuestOperations::run(const QString &step, const QString &node,
                            const std::function<ProxmoxCall *(ProxmoxClient &)> &make)
{
    auto r = call(make);
    if (!r)
        return stepError(step, node, r.error());
    return {};
}

Result<proxmox::GuestStatus> GuestOperations::status(GuestType type, const QString &node, qint64 vmid)
{
    auto r = call([&](ProxmoxClient &c) { return c.guestStatus(type, node, vmid); });
    if (!r)
        return stepError(QStringLiteral("reading the state of guest %1").arg(vmid), node, r.error());
    return proxmox::GuestStatus::parse(r.value());
}

Status GuestOperations::waitUnlocked(GuestType type, const QString &node, qint64 vmid)
{
    const int interval = qMax(50, m_settings.taskPollIntervalMs);
    for (int waited = 0;; waited += interval) {
        auto s = status(type, node, vmid);
        if (!s)
            return s.error();
        if (s->lock.isEmpty())
            return {};
        if (waited >= m_settings.taskTimeoutMs)
            return makeError(errors::ProxmoxTaskTimeout,
                             QStringLiteral("guest %1 on node '%2' is still locked (%3) after %4 ms")
                                 .arg(vmid)
                                 .arg(node, s->lock)
                                 .arg(waited));
        for (int slept = 0; slept < interval; slept += 20) {
            if (m_stop && m_stop())
                return makeError(errors::ProxmoxAborted, QStringLiteral("the call was aborted"));
            QThread::msleep(20);
        }
    }
}

Result<QString> GuestOperations::address(GuestType type, const QString &node, qint64 vmid)
{
    auto r = call([&](ProxmoxClient &c) {
        return type == GuestType::Lxc ? c.lxcInterfaces(node, vmid) : c.qemuAgentInterfaces(node, vmid);
    });
    if (!r)
        return stepError(QStringLiteral("reading the address of guest %1").arg(vmid), node, r.error());
    QJsonValue data = r.value();
    if (type == GuestType::Qemu)
        data = data.toObject().value(QStringLiteral("result"));
    auto interfaces = proxmox::parseGuestInterfaces(data);
    if (!interfaces)
        return interfaces.error();
    return proxmox::firstIpv4(*interfaces);
}

} // namespace mp::cloudpods
