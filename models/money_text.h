#pragma once

#include "money/money.h"

#include <QString>

namespace mp {

// "1234.50 EUR": the decimal string of the minor units, never a float on the way.
inline QString moneyText(const Money &money)
{
    return money.toDecimalString() + u' ' + money.currency().code();
}

} // namespace mp
