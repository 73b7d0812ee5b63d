#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp {

// One record set change as PowerDNS's PATCH takes it: canonical name (trailing dot), type, TTL
// and the records in PowerDNS's content format (TXT with its quotes, MX "10 mail.x."). REPLACE
// sets exactly these records (none: the set goes); DELETE removes the set.
struct PowerDnsRrset {
    enum class Change { Replace, Delete };
    QString name;
    QString type;
    int ttl = 3600;
    QStringList records;
    Change change = Change::Replace;

    QJsonObject toJson() const;
};

} // namespace mp
