#include "proxmox/proxmox_qemu_spec.h"

#include "proxmox/proxmox_errors.h"
#include "proxmox/proxmox_lxc_spec.h"

#include <QUrl>

namespace mp::proxmox {

static Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::ProxmoxInvalidRequest, message, field);
}

Result<Params> QemuCloneSpec::toParams() const
{
    if (!isValidNodeName(node))
        return invalid(QStringLiteral("node"), QStringLiteral("'%1' is not a Proxmox node name").arg(node));
    if (!isValidVmid(templateVmid))
        return invalid(QStringLiteral("vmid"), QStringLiteral("the template VMID is 100 to 999999999"));
    if (!isValidVmid(newid))
        return invalid(QStringLiteral("newid"),
                       QStringLiteral("a VMID is 100 to 999999999, got %1").arg(newid));
    if (!name.isEmpty() && !isValidHostname(name))
        return invalid(QStringLiteral("name"), QStringLiteral("'%1' is not a valid VM name").arg(name));
    const bool fullClone = full.value_or(false);
    if ((!storage.isEmpty() || !format.isEmpty()) && !fullClone)
        return invalid(QStringLiteral("storage"),
                       QStringLiteral("a target storage or format needs a full clone (full=1)"));
    Params p;
    p.add(QStringLiteral("newid"), newid);
    p.addIfSet(QStringLiteral("name"), name);
    if (full)
        p.addBool(QStringLiteral("full"), *full);
    p.addIfSet(QStringLiteral("storage"), storage);
    p.addIfSet(QStringLiteral("format"), format);
    p.addIfSet(QStringLiteral("target"), target);
    p.addIfSet(QStringLiteral("pool"), pool);
    p.addIfSet(QStringLiteral("description"), description);
    return p;
}

Result<Params> QemuConfigSpec::toParams() const
{
    Params p;
    p.addIfSet(QStringLiteral("ciuser"), ciuser);
    p.addIfSet(QStringLiteral("cipassword"), cipassword);
    // sshkeys has format "urlencoded": the value itself is percent-encoded, then encoded again
    // as part of the form body (proxmox.md section 3). QUrl's encoding matches what the API
    // decodes (a space is %20, never '+').
    if (!sshkeys.isEmpty())
        p.add(QStringLiteral("sshkeys"), QString::fromLatin1(QUrl::toPercentEncoding(sshkeys)));
    p.addIfSet(QStringLiteral("ipconfig0"), ipconfig0);
    p.addIfSet(QStringLiteral("nameserver"), nameserver);
    p.addIfSet(QStringLiteral("searchdomain"), searchdomain);
    if (cores < 0 || memoryMiB < 0)
        return invalid(QStringLiteral("cores"), QStringLiteral("cores and memory cannot be negative"));
    if (cores > 0)
        p.add(QStringLiteral("cores"), cores);
    if (memoryMiB > 0)
        p.add(QStringLiteral("memory"), memoryMiB);
    if (!name.isEmpty() && !isValidHostname(name))
        return invalid(QStringLiteral("name"), QStringLiteral("'%1' is not a valid VM name").arg(name));
    p.addIfSet(QStringLiteral("name"), name);
    p.addIfSet(QStringLiteral("net0"), net0);
    if (tags) {
        auto joined = joinTags(*tags);
        if (!joined)
            return joined.error();
        p.add(QStringLiteral("tags"), joined.value());
    }
    if (agent)
        p.addBool(QStringLiteral("agent"), *agent);
    if (p.isEmpty())
        return invalid(QString(), QStringLiteral("no VM options to set"));
    return p;
}

} // namespace mp::proxmox
