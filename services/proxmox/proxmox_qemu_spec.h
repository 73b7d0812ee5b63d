#pragma once

#include "core/result.h"
#include "proxmox/proxmox_params.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mp::proxmox {

// POST /nodes/{node}/qemu/{vmid}/clone: a VM from a template (proxmox.md section 3).
struct QemuCloneSpec {
    QString node;
    qint64 templateVmid = 0;
    qint64 newid = 0;
    QString name;
    // Default: full for a normal VM, linked for a template. `storage` and `format` are only
    // allowed for a full clone (500 "parameter 'storage' not allowed for linked clones").
    std::optional<bool> full;
    QString storage;
    QString format; // raw / qcow2 / vmdk
    QString target; // another node: only with shared storage
    QString pool;
    QString description;

    Result<Params> toParams() const;
};

// POST /nodes/{node}/qemu/{vmid}/config (asynchronous: a UPID, or null when it finished at
// once): cloud-init and sizing after a clone.
struct QemuConfigSpec {
    QString ciuser;
    QString cipassword; // never logged
    QString sshkeys;    // one key per line
    QString ipconfig0;  // "ip=10.0.0.5/24,gw=10.0.0.1" or "ip=dhcp"
    QString nameserver;
    QString searchdomain;
    int cores = 0;     // 0: unchanged
    int memoryMiB = 0; // 0: unchanged
    QString name;
    QString net0;
    std::optional<QStringList> tags;
    std::optional<bool> agent;

    Result<Params> toParams() const;
};

} // namespace mp::proxmox
