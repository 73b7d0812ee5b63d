#pragma once

#include "money/money.h"

#include <QLocale>
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

// "4,99 €" in a German console, "€4.99" in an English one: the locale's grouping, decimal mark
// and symbol placement, with exactly the currency's decimals. For display only; the double
// carries at most 15 significant digits, far beyond any invoice.
inline QString localeMoneyText(qint64 minor, const QString &currencyCode, const QLocale &locale = QLocale())
{
    const auto currency = Currency::fromCode(currencyCode);
    if (!currency)
        return moneyText(minor, currencyCode);
    double scale = 1;
    for (int i = 0; i < currency->minorUnits(); ++i)
        scale *= 10;
    QString symbol = currencyCode;
    if (currencyCode == QLatin1String("EUR"))
        symbol = QStringLiteral("€");
    else if (currencyCode == QLatin1String("USD"))
        symbol = QStringLiteral("$");
    else if (currencyCode == QLatin1String("GBP"))
        symbol = QStringLiteral("£");
    return locale.toCurrencyString(double(minor) / scale, symbol, currency->minorUnits());
}

} // namespace mp
