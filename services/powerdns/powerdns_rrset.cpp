#include "powerdns/powerdns_rrset.h"

#include <QJsonArray>

namespace mp {

QJsonObject PowerDnsRrset::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("changetype"),
                   change == Change::Replace ? QStringLiteral("REPLACE") : QStringLiteral("DELETE")}};
    if (change == Change::Replace) {
        QJsonArray list;
        for (const QString &content : records)
            list.append(
                QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("disabled"), false}});
        o.insert(QStringLiteral("ttl"), ttl);
        o.insert(QStringLiteral("records"), list);
    }
    return o;
}

} // namespace mp
