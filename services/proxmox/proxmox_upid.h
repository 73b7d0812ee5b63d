#pragma once

#include "core/result.h"

#include <QString>

namespace mp::proxmox {

// A task id: UPID:<node>:<pid 8 hex>:<pstart 8-9 hex>:<starttime 8 hex>:<type>:<id>:<user>:
// with a trailing colon (proxmox.md section 3, from PVE::UPID). With an API token the user
// field is user@realm!tokenid.
struct Upid {
    QString node;
    quint32 pid = 0;
    quint64 pstart = 0;
    qint64 startTime = 0; // seconds since the epoch
    QString type;         // vzcreate, vzstart, qmclone, ...
    QString id;           // usually the VMID
    QString user;

    static Result<Upid> parse(const QString &text);
    QString toString() const;
};

} // namespace mp::proxmox
