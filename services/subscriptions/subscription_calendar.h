#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace mp::subscriptions {

enum class Cycle { Monthly, Quarterly, Semiannual, Annual, Biennial, Triennial };

// When periods end. A subscription is anchored on the day of month it started (in the tenant's
// zone): started on 31 January it is due on 28 February (29 in a leap year), then 31 March;
// the anchor survives short months because each end is computed from the anchor, never from
// the previous, clamped, end.
class SubscriptionCalendar {
public:
    // "monthly" ... "triennial"; "one_time" and anything else is not a recurring cycle.
    static std::optional<Cycle> cycleFromString(const QString &text);
    static QString toString(Cycle cycle);
    static QStringList allCycles();
    static int months(Cycle cycle);

    // The day the period that starts on `periodStart` ends: `months(cycle)` later, on
    // `anchorDay` or the month's last day when it is shorter.
    static QDate periodEndDate(QDate periodStart, Cycle cycle, int anchorDay);

    // The same in time: the period ends at the start's local time of day on periodEndDate,
    // in `zone`, returned in UTC.
    static QDateTime periodEnd(const QDateTime &periodStart, Cycle cycle, int anchorDay,
                               const QTimeZone &zone);
};

} // namespace mp::subscriptions
