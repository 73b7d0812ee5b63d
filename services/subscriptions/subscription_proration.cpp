#include "subscriptions/subscription_proration.h"

#include <algorithm>

namespace mp::subscriptions {

qint64 SubscriptionProration::divideHalfUp(qint64 n, qint64 d)
{
    const qint64 magnitude = n < 0 ? -n : n;
    const qint64 q = (magnitude / d) + ((magnitude % d) * 2 >= d ? 1 : 0);
    return n < 0 ? -q : q;
}

Proration SubscriptionProration::compute(qint64 fromUnitMinor, int fromMonths, qint64 toUnitMinor,
                                         int toMonths, int quantity, QDate today, QDate periodStart,
                                         QDate periodEnd)
{
    Proration p;
    p.periodDays = int(std::max<qint64>(1, periodStart.daysTo(periodEnd)));
    p.daysRemaining = int(std::clamp<qint64>(today.daysTo(periodEnd), 0, p.periodDays));
    // Both prices over the common denominator toMonths: old x toMonths, new x fromMonths. Prices
    // are bounded (bigint minor units, at most 36 months, 1000 units, ~1100 days), and a catalog
    // price above 10^9 minor units is not a hosting plan; the product stays well inside 2^63.
    const qint64 perPeriodDiff = toUnitMinor * fromMonths - fromUnitMinor * toMonths;
    p.proratedMinor =
        divideHalfUp(perPeriodDiff * quantity * p.daysRemaining, qint64(toMonths) * p.periodDays);
    return p;
}

} // namespace mp::subscriptions
