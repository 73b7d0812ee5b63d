#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QString>

namespace mp::proxmox {

// GET /nodes/{node}/tasks/{upid}/status (proxmox.md section 3). Real answers have no endtime.
struct TaskStatus {
    QString upid;
    QString node;
    QString type; // vzcreate, vzstart, qmclone, ...
    QString id;
    QString user;
    QString status;     // "running" or "stopped"
    QString exitStatus; // only once stopped: "OK", "WARNINGS: 2", or the error text

    bool running() const { return status != QLatin1String("stopped"); }
    bool succeeded() const { return !running() && isSuccessExitStatus(exitStatus); }

    static Result<TaskStatus> parse(const QJsonValue &data);
    // "OK" or "WARNINGS: <n>" (PVE::UPID status_is_error): anything else is a failure.
    static bool isSuccessExitStatus(const QString &exitStatus);
};

} // namespace mp::proxmox
