#include "subscriptions/subscription_calendar.h"

#include <algorithm>
#include <array>

namespace mp::subscriptions {

namespace {

struct CycleInfo {
    Cycle cycle;
    const char *name;
    int months;
};

constexpr std::array<CycleInfo, 6> kCycles{{{Cycle::Monthly, "monthly", 1},
                                            {Cycle::Quarterly, "quarterly", 3},
                                            {Cycle::Semiannual, "semiannual", 6},
                                            {Cycle::Annual, "annual", 12},
                                            {Cycle::Biennial, "biennial", 24},
                                            {Cycle::Triennial, "triennial", 36}}};

} // namespace

std::optional<Cycle> SubscriptionCalendar::cycleFromString(const QString &text)
{
    for (const auto &c : kCycles)
        if (text == QLatin1String(c.name))
            return c.cycle;
    return std::nullopt;
}

QString SubscriptionCalendar::toString(Cycle cycle)
{
    for (const auto &c : kCycles)
        if (c.cycle == cycle)
            return QString::fromLatin1(c.name);
    return {};
}

QStringList SubscriptionCalendar::allCycles()
{
    QStringList names;
    for (const auto &c : kCycles)
        names << QString::fromLatin1(c.name);
    return names;
}

int SubscriptionCalendar::months(Cycle cycle)
{
    for (const auto &c : kCycles)
        if (c.cycle == cycle)
            return c.months;
    return 1;
}

QDate SubscriptionCalendar::periodEndDate(QDate periodStart, Cycle cycle, int anchorDay)
{
    const int monthIndex = periodStart.year() * 12 + (periodStart.month() - 1) + months(cycle);
    const int year = monthIndex / 12;
    const int month = monthIndex % 12 + 1;
    const int lastDay = QDate(year, month, 1).daysInMonth();
    return QDate(year, month, std::clamp(anchorDay, 1, lastDay));
}

QDateTime SubscriptionCalendar::periodEnd(const QDateTime &periodStart, Cycle cycle, int anchorDay,
                                          const QTimeZone &zone)
{
    const QDateTime local = periodStart.toTimeZone(zone);
    const QDate endDay = periodEndDate(local.date(), cycle, anchorDay);
    // A time of day skipped by a DST change moves forward, as QDateTime does.
    return QDateTime(endDay, local.time(), zone).toUTC();
}

} // namespace mp::subscriptions
