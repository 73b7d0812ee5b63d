#pragma once

#include "core/result.h"

#include <QString>
#include <QUrl>

namespace mp::cloudpods {

// Whether a Proxmox cluster is a real Proxmox VE ("live") or the sandbox's
// mpanel-proxmox-emulator ("sandbox"). Proxmox has no test mode of its own: a staging cluster
// is real hardware and is live. Whoever registers the cluster says which it is (run-mpanel's
// demo registers the emulator as sandbox); a sandbox cluster must answer on this machine's
// loopback, where the emulator runs, so a remote cluster can never be shown as the emulator
// (migration 0014 holds the same rule).
namespace cluster_mode {

inline const QString live = QStringLiteral("live");
inline const QString sandbox = QStringLiteral("sandbox");

// 127.0.0.0/8, ::1 or "localhost".
bool isLoopback(const QUrl &url);
// An invalid_value error on `mode` for an unknown mode, or sandbox away from loopback.
Status check(const QString &mode, const QUrl &apiBase);

} // namespace cluster_mode
} // namespace mp::cloudpods
