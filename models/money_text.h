#pragma once

#include "money/money.h"

#include <QString>

namespace mp {

// "1234.50 EUR": the decimal string of the minor units, never a float on the way.
inline QString moneyText(const Money &money)
{
    return money.toDecimalString() + u' ' + money.currency().code();
}

// The same for an amount the services hand out as minor units and a currency code; an unknown
// code shows the bare minor units rather than inventing a decimal point.
inline QString moneyText(qint64 minor, const QString &currencyCode)
{
    if (const auto currency = Currency::fromCode(currencyCode))
        return moneyText(Money(minor, *currency));
    return QString::number(minor) + u' ' + currencyCode;
}

} // namespace mp
