#include "billing/buyer_snapshot.h"

#include <QJsonArray>

namespace mp::billing {

QString BuyerSnapshot::columns(const QString &alias)
{
    return QStringLiteral("%1.name, %1.company, %1.email, %1.address_line1, %1.address_line2, %1.city, "
                          "%1.postal_code, %1.region, coalesce(%1.country, ''), %1.tax_id")
        .arg(alias);
}

QJsonObject BuyerSnapshot::fromRow(const QSqlQuery &q, int o)
{
    QJsonArray address;
    for (int i : {o + 3, o + 4})
        if (!q.value(i).toString().isEmpty())
            address.append(q.value(i).toString());
    // Postal code before the city, as most of the tenants' countries write it.
    const QString cityLine =
        QStringList{q.value(o + 6).toString(), q.value(o + 5).toString()}.join(u' ').trimmed();
    if (!cityLine.isEmpty())
        address.append(cityLine);
    if (!q.value(o + 7).toString().isEmpty())
        address.append(q.value(o + 7).toString());
    return {{QStringLiteral("name"), q.value(o).toString()},
            {QStringLiteral("company"), q.value(o + 1).toString()},
            {QStringLiteral("email"), q.value(o + 2).toString()},
            {QStringLiteral("address"), address},
            {QStringLiteral("country"), q.value(o + 8).toString()},
            {QStringLiteral("tax_id"), q.value(o + 9).toString()}};
}

TaxBuyer BuyerSnapshot::taxBuyer(const QJsonObject &buyer)
{
    return {buyer.value(QStringLiteral("country")).toString(),
            buyer.value(QStringLiteral("tax_id")).toString()};
}

} // namespace mp::billing
