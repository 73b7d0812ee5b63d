#include "proxmox/proxmox_json.h"

namespace mp::proxmox {

qint64 toInt64(const QJsonValue &value, qint64 fallback)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        return ok ? n : fallback;
    }
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return fallback;
}

double toDouble(const QJsonValue &value, double fallback)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double n = value.toString().trimmed().toDouble(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

bool toBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    return toInt64(value, 0) != 0;
}

QString toText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return {};
}

} // namespace mp::proxmox
