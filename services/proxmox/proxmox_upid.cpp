#include "proxmox/proxmox_upid.h"

#include "proxmox/proxmox_errors.h"

#include <QRegularExpression>

namespace mp::proxmox {

Result<Upid> Upid::parse(const QString &text)
{
    // PVE::Tools::upid_decode's pattern: the type is word characters, the id anything but ':'.
    static const QRegularExpression pattern(
        QStringLiteral("^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):"
                       "([0-9A-Fa-f]{8}):([^:\\s]+):([^:\\s]*):([^:\\s]+):$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return makeError(
            errors::ProxmoxInvalidResponse,
            QStringLiteral("'%1' is not a Proxmox task id (UPID:node:pid:pstart:starttime:type:id:user:)")
                .arg(text.left(200)),
            QStringLiteral("upid"));
    Upid upid;
    upid.node = m.captured(1);
    upid.pid = m.captured(3).toUInt(nullptr, 16);
    upid.pstart = m.captured(4).toULongLong(nullptr, 16);
    upid.startTime = m.captured(5).toLongLong(nullptr, 16);
    upid.type = m.captured(6);
    upid.id = m.captured(7);
    upid.user = m.captured(8);
    return upid;
}

QString Upid::toString() const
{
    // Upper-case hex, as PVE::Tools::upid_encode writes it with %08X.
    const auto hex = [](quint64 value) {
        return QString::number(value, 16).toUpper().rightJustified(8, QLatin1Char('0'));
    };
    return QStringLiteral("UPID:%1:%2:%3:%4:%5:%6:%7:")
        .arg(node, hex(pid), hex(pstart), hex(quint64(startTime)), type, id, user);
}

} // namespace mp::proxmox
