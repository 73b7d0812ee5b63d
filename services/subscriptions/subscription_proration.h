#pragma once

#include <QDate>
#include <QtGlobal>

namespace mp::subscriptions {

// The price difference of a change for what is left of the current period, in minor units.
// Days are tenant-local calendar days: remaining = today .. period end date, period = period
// start date .. period end date. The new plan's price is first brought to the current period's
// length by the cycles' months (an annual price over a monthly period is 1/12 of it), then
//   prorated = (new_per_period - old_per_period) x quantity x remaining / period
// rounded once, half away from zero, on this one line (so 0.5 minor units charges or credits 1).
struct Proration {
    int daysRemaining = 0;
    int periodDays = 1;
    qint64 proratedMinor = 0; // > 0: charged (upgrade), < 0: credited (downgrade)
};

class SubscriptionProration {
public:
    static Proration compute(qint64 fromUnitMinor, int fromMonths, qint64 toUnitMinor, int toMonths,
                             int quantity, QDate today, QDate periodStart, QDate periodEnd);
    // n / d rounded half away from zero; d > 0.
    static qint64 divideHalfUp(qint64 n, qint64 d);
};

} // namespace mp::subscriptions
