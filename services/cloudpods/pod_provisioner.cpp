// cloudpod.provision: place, reserve a VMID, take an address, create (or adopt) the guest,
// start it, read its address. Every step can be repeated: progress lives on the pod's rows and
// on the guest's tag, so a retry or a restarted worker continues instead of starting over, and
// never creates a second guest.
#include "cloudpods/cloudpod_errors.h"
#include "cloudpods/guest_operations.h"
#include "cloudpods/pod_job_handlers.h"
#include "cloudpods/pod_progress.h"
#include "cloudpods/provisioning_scripts.h"
#include "cloudpods/proxmox_clusters.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "jobs/job_errors.h"
#include "proxmox/proxmox_error.h"
#include "proxmox/proxmox_lxc_spec.h"
#include "proxmox/proxmox_qemu_spec.h"

#include <QUuid>

namespace mp::cloudpods {

using proxmox::ErrorKind;
using proxmox::GuestType;

namespace {

constexpr int kCreateAttempts = 5;
constexpr int kAddressPolls = 10;

QString podIdOf(const JobContext &ctx)
{
    const QString id = ctx.payload().value(QStringLiteral("pod_id")).toString();
    return !isUuid(id) ? QString() : id;
}

class Provisioner {
public:
    Provisioner(JobContext &ctx, PodProgress &progress, CloudPod pod)
        : m_ctx(ctx), m_progress(progress), m_pod(std::move(pod))
    {
    }

    Status run()
    {
        if (auto s = m_progress.setStatus(QStringLiteral("provisioning"), {}, m_ctx.now()); !s)
            return s;
        auto t = m_progress.podTemplate(m_pod.templateId);
        if (!t)
            return t.error();
        m_template = *t;
        m_type = m_template.guestKind == QLatin1String("qemu") ? GuestType::Qemu : GuestType::Lxc;

        auto placement = m_progress.place(m_template, m_ctx.now());
        if (!placement)
            return GuestOperations::stepError(QStringLiteral("placing the pod"), {}, placement.error());
        m_placement = *placement;
        m_node = m_placement.nodeName;
        m_ctx.log(QStringLiteral("placed on node '%1'").arg(m_node));

        ProxmoxSettings settings;
        auto loaded = m_progress.inTransaction([&](TenantTransaction &tx) -> Status {
            auto s = ProxmoxClusters::settings(tx.db(), m_placement.clusterId);
            if (!s)
                return s.error();
            settings = *s;
            return {};
        });
        if (!loaded)
            return loaded;
        m_ops.emplace(settings, [this] { return m_ctx.stopRequested(); });

        auto lease = m_progress.allocateAddress(m_placement, m_ctx.now());
        if (!lease)
            return GuestOperations::stepError(QStringLiteral("allocating an address"), m_node, lease.error());
        m_lease = *lease;
        m_ctx.log(QStringLiteral("address %1/%2").arg(m_lease.address).arg(m_lease.prefixLength));

        auto password = m_progress.pendingPassword(QStringLiteral("create"));
        if (!password)
            return password.error();
        m_password = *password;
        auto mpanelKey = ProvisioningScripts::keyForCreate(m_progress, m_pod, m_ctx.now());
        if (!mpanelKey)
            return mpanelKey.error();
        m_mpanelKey = *mpanelKey;
        if (auto s = createOrAdopt(); !s)
            return s;
        // A container has its password from the create (this attempt's or an earlier one's):
        // mPanel's copy goes now.
        if (m_type == GuestType::Lxc && !m_password.isEmpty()) {
            if (auto s = forgetPassword(); !s)
                return s;
        }
        if (auto s = m_ops->waitUnlocked(m_type, m_node, m_vmid); !s)
            return GuestOperations::stepError(QStringLiteral("waiting for guest %1").arg(m_vmid), m_node,
                                              s.error());
        if (m_type == GuestType::Qemu) {
            if (auto s = configureClone(); !s)
                return s;
        }
        return startAndFinish();
    }

private:
    // Looks for the pod's guest first: a lost answer, a killed worker or an earlier attempt may
    // have created it already.
    Status createOrAdopt()
    {
        qint64 reserved = m_pod.vmid;
        for (int attempt = 1; attempt <= kCreateAttempts; ++attempt) {
            bool foreign = false;
            auto found = m_ops->findPodGuest(m_pod.tag(), reserved, m_pod.hostname, &foreign);
            if (!found)
                return found.error();
            if (found->has_value() && !foreign)
                return adopt(**found);
            if (found->has_value() && foreign) {
                m_ctx.log(
                    QStringLiteral("VMID %1 belongs to another guest; reserving another").arg(reserved));
                if (auto s = m_progress.replaceVmid(m_placement.clusterId, 0, m_ctx.now()); !s)
                    return s;
                reserved = 0;
            }
            qint64 candidate = reserved;
            if (candidate == 0) {
                auto next = m_ops->nextVmid();
                if (!next)
                    return next.error();
                candidate = *next;
            }
            auto vmid = m_progress.reserveVmid(m_placement.clusterId, candidate, m_ctx.now());
            if (!vmid)
                return vmid.error();
            reserved = m_vmid = *vmid;
            m_ctx.log(QStringLiteral("creating guest %1 on node '%2'").arg(m_vmid).arg(m_node));

            proxmox::ProxmoxError details;
            auto created = create(&details);
            if (created) {
                m_ctx.log(QStringLiteral("created guest %1").arg(m_vmid));
                return {};
            }
            if (details.kind == ErrorKind::VmidExists) {
                // Taken outside mPanel between nextid and the create: look again (it may be
                // ours after all), else take another.
                continue;
            }
            return created;
        }
        return makeError(errors::CloudpodVmid,
                         QStringLiteral("creating the guest on node '%1' failed: no free VMID after %2 tries")
                             .arg(m_node)
                             .arg(kCreateAttempts));
    }

    Status adopt(const proxmox::GuestResource &guest)
    {
        m_vmid = guest.vmid;
        m_node = guest.node;
        m_ctx.log(QStringLiteral("adopted guest %1 on node '%2' (already tagged with this pod)")
                      .arg(m_vmid)
                      .arg(m_node));
        if (guest.vmid != m_pod.vmid) {
            if (auto s = m_progress.replaceVmid(m_placement.clusterId, guest.vmid, m_ctx.now()); !s)
                return s;
        }
        return {};
    }

    Status create(proxmox::ProxmoxError *details)
    {
        const QStringList tags{kManagedTag, m_pod.tag()};
        const QString cidr = QStringLiteral("%1/%2").arg(m_lease.address).arg(m_lease.prefixLength);
        if (m_type == GuestType::Lxc) {
            proxmox::LxcCreateSpec spec;
            spec.node = m_node;
            spec.vmid = m_vmid;
            spec.ostemplate = m_template.ostemplate;
            spec.hostname = m_pod.hostname;
            spec.cores = m_template.cpuCores;
            spec.memoryMiB = m_template.ramMb;
            spec.rootfsStorage = m_placement.storage;
            spec.rootfsGiB = m_template.diskGb;
            spec.net0.bridge = m_template.networkBridge;
            spec.net0.vlanTag = m_template.networkVlan;
            spec.net0.ipv4Cidr = cidr;
            spec.net0.gateway = m_lease.gateway;
            spec.nameserver = m_lease.dnsServers;
            spec.tags = tags;
            spec.description = QStringLiteral("mPanel CloudPod %1").arg(m_pod.id);
            spec.password = m_password;
            spec.sshPublicKeys = withMpanelKey(m_pod.sshPublicKeys);
            return m_ops->runTask(
                QStringLiteral("creating container %1").arg(m_vmid), m_node,
                [spec](ProxmoxClient &c) { return c.runTask(c.createLxc(spec)); }, details);
        }
        proxmox::QemuCloneSpec spec;
        spec.node = m_node;
        spec.templateVmid = m_template.vmTemplateId;
        spec.newid = m_vmid;
        spec.name = m_pod.hostname;
        spec.full = true;
        spec.description = QStringLiteral("mPanel CloudPod %1").arg(m_pod.id);
        return m_ops->runTask(
            QStringLiteral("cloning VM %1 from template %2").arg(m_vmid).arg(m_template.vmTemplateId), m_node,
            [spec](ProxmoxClient &c) { return c.runTask(c.cloneQemu(spec)); }, details);
    }

    // Sizing, cloud-init address and the pod's tags; setting them twice changes nothing.
    Status configureClone()
    {
        proxmox::QemuConfigSpec spec;
        spec.cores = m_template.cpuCores;
        spec.memoryMiB = m_template.ramMb;
        spec.ipconfig0 = QStringLiteral("ip=%1/%2,gw=%3")
                             .arg(m_lease.address)
                             .arg(m_lease.prefixLength)
                             .arg(m_lease.gateway);
        spec.nameserver = m_lease.dnsServers;
        spec.tags = QStringList{kManagedTag, m_pod.tag()};
        // Cloud-init makes the login user with the customer's keys and password; the guest
        // agent reports the address and takes a password reset.
        spec.ciuser = m_pod.loginUser;
        spec.cipassword = m_password;
        spec.sshkeys = withMpanelKey(m_pod.sshPublicKeys);
        spec.agent = true;
        const QString node = m_node;
        const qint64 vmid = m_vmid;
        if (auto s = m_ops->runTask(QStringLiteral("configuring VM %1").arg(m_vmid), m_node,
                                    [spec, node, vmid](ProxmoxClient &c) -> ProxmoxCall * {
                                        return c.runTask(c.setQemuConfig(node, vmid, spec));
                                    });
            !s)
            return s;
        return m_password.isEmpty() ? Status() : forgetPassword();
    }

    Status forgetPassword()
    {
        if (auto s = m_progress.dropPendingPassword(QStringLiteral("create")); !s)
            return s;
        m_password.clear();
        m_ctx.log(QStringLiteral("root password handed to Proxmox; mPanel keeps no copy"));
        return {};
    }

    Status startAndFinish()
    {
        auto state = m_ops->status(m_type, m_node, m_vmid);
        if (!state)
            return state.error();
        auto fresh = m_progress.pod();
        if (!fresh)
            return fresh.error();
        const bool wantStopped = fresh->suspendRequested;
        const QString node = m_node;
        const qint64 vmid = m_vmid;
        const GuestType type = m_type;
        if (!state->running() && !wantStopped) {
            if (auto s = m_ops->runTask(QStringLiteral("starting guest %1").arg(m_vmid), m_node,
                                        [type, node, vmid](ProxmoxClient &c) {
                                            return c.runTask(c.startGuest(type, node, vmid));
                                        });
                !s)
                return s;
            m_ctx.log(QStringLiteral("started guest %1").arg(m_vmid));
        }
        QString address;
        if (!wantStopped) {
            for (int poll = 0; poll < kAddressPolls && address.isEmpty(); ++poll) {
                auto a = m_ops->address(m_type, m_node, m_vmid);
                if (!a)
                    return a.error();
                address = *a;
                if (address.isEmpty() && !m_ctx.sleepFor(qMax(50, m_ops->settings().taskPollIntervalMs)))
                    return JobContext::interrupted();
            }
        }
        if (address.isEmpty())
            address = m_lease.address; // the static address mPanel gave it
        // The template's post-install script, before the pod counts as ready (and its mail goes).
        if (!wantStopped) {
            if (auto s = ProvisioningScripts::runOnGuest(m_ctx, m_progress, m_pod, address); !s)
                return s;
        }
        if (auto s = m_progress.markActive(address, m_ctx.now()); !s)
            return s;
        if (wantStopped) {
            if (auto s = m_progress.setStatus(QStringLiteral("suspended"), {}, m_ctx.now()); !s)
                return s;
        }
        m_ctx.log(QStringLiteral("pod %1 is %2 at %3")
                      .arg(m_pod.hostname,
                           wantStopped ? QStringLiteral("suspended") : QStringLiteral("active"), address));
        return {};
    }

    // The customer's keys and, when the template has a post-install script, mPanel's key for the
    // pod (made before the create, so every retry installs the same one).
    QString withMpanelKey(const QString &keys) const
    {
        if (m_mpanelKey.isEmpty())
            return keys;
        return keys.isEmpty() ? m_mpanelKey : keys + u'\n' + m_mpanelKey;
    }

    JobContext &m_ctx;
    PodProgress &m_progress;
    CloudPod m_pod;
    catalog::CloudPodTemplate m_template;
    GuestType m_type = GuestType::Lxc;
    Placement m_placement;
    AddressLease m_lease;
    QString m_node;
    qint64 m_vmid = 0;
    QString m_password; // on its way to Proxmox: never logged
    QString m_mpanelKey;
    std::optional<GuestOperations> m_ops;
};

} // namespace

// Shared by the pod jobs: the pod, locked for this job, or why the job cannot go on.
Result<PodProgress> openPodForJob(JobContext &ctx)
{
    const QString podId = podIdOf(ctx);
    if (podId.isEmpty())
        return JobContext::permanent(QStringLiteral("payload.pod_id must be a pod id"));
    auto progress = PodProgress::open(ctx, podId);
    if (!progress)
        return progress.error();
    auto locked = progress->tryLock();
    if (!locked)
        return locked.error();
    if (!*locked)
        return makeError(errors::CloudpodBusy, QStringLiteral("another job is working on this pod"));
    return progress;
}

Status provisionPod(JobContext &ctx)
{
    auto progress = openPodForJob(ctx);
    if (!progress)
        return progress.error();
    auto pod = progress->pod();
    if (!pod) {
        if (pod.error().code == errors::NotFound)
            return JobContext::permanent(QStringLiteral("no such pod"));
        return pod.error();
    }
    if (pod->status == QLatin1String("terminated") || pod->terminateRequested) {
        ctx.log(QStringLiteral("the pod is terminated or being terminated: nothing to provision"));
        return {};
    }
    if (pod->status == QLatin1String("active")) {
        // Staff may have asked for the post-install script again (nothing happens otherwise).
        ctx.log(QStringLiteral("the pod is active already"));
        return ProvisioningScripts::runOnGuest(ctx, *progress, *pod, pod->ipAddress);
    }
    if (pod->status == QLatin1String("suspended")) {
        ctx.log(QStringLiteral("the pod is %1 already").arg(pod->status));
        return {};
    }
    return buildGuest(ctx, *progress, *pod);
}

Status buildGuest(JobContext &ctx, PodProgress &progress, const CloudPod &pod)
{
    Provisioner provisioner(ctx, progress, pod);
    Status result = provisioner.run();
    if (result)
        return result;
    if (GuestOperations::aborted(result.error()) || result.error().code == errors::JobInterrupted)
        return ctx.cancelRequested() ? JobContext::cancelled() : JobContext::interrupted();
    ctx.log(result.error().message);
    // The pod shows what went wrong even though this attempt's own transaction rolls back.
    if (auto s = progress.setStatus(QStringLiteral("error"), result.error().message, ctx.now()); !s)
        ctx.log(QStringLiteral("could not record the error on the pod: %1").arg(s.error().message));
    return result;
}

} // namespace mp::cloudpods
