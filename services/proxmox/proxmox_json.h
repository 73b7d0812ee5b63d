#pragma once

#include <QJsonValue>
#include <QString>

namespace mp::proxmox {

// Perl's JSON encoder writes a number as a string once the scalar was used as one ("nextid" is
// {"data":"100"}, proxmox.md section 3), so numbers are read from either.
qint64 toInt64(const QJsonValue &value, qint64 fallback = 0);
double toDouble(const QJsonValue &value, double fallback = 0);
bool toBool(const QJsonValue &value);    // true, 1, "1"
QString toText(const QJsonValue &value); // strings and numbers as text

} // namespace mp::proxmox
