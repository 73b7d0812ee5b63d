#include "proxmox/proxmox_task_status.h"

#include "proxmox/proxmox_errors.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace mp::proxmox {

bool TaskStatus::isSuccessExitStatus(const QString &exitStatus)
{
    static const QRegularExpression warnings(QStringLiteral("^WARNINGS: \\d+$"));
    return exitStatus == QLatin1String("OK") || warnings.match(exitStatus).hasMatch();
}

Result<TaskStatus> TaskStatus::parse(const QJsonValue &data)
{
    const QJsonObject o = data.toObject();
    const QString status = o.value(QLatin1String("status")).toString();
    if (!data.isObject() || (status != QLatin1String("running") && status != QLatin1String("stopped")))
        return makeError(errors::ProxmoxInvalidResponse,
                         QStringLiteral("a task status without status running/stopped"));
    TaskStatus t;
    t.upid = o.value(QLatin1String("upid")).toString();
    t.node = o.value(QLatin1String("node")).toString();
    t.type = o.value(QLatin1String("type")).toString();
    t.id = o.value(QLatin1String("id")).toVariant().toString();
    t.user = o.value(QLatin1String("user")).toString();
    t.status = status;
    t.exitStatus = o.value(QLatin1String("exitstatus")).toString();
    return t;
}

} // namespace mp::proxmox
