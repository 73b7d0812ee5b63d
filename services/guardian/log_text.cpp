#include "guardian/log_text.h"

namespace mp::guardian::text {

int monthNumber(std::string_view m)
{
    if (m.size() != 3)
        return 0;
    static constexpr std::string_view names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (names[i] == m)
            return i + 1;
    return 0;
}

std::int64_t epochSeconds(int year, int month, int day, int hour, int minute, int second)
{
    // Howard Hinnant's days_from_civil.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(month + (month > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + static_cast<std::int64_t>(doe) - 719468;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

int timeOfDay(std::string_view s, std::size_t at)
{
    if (at + 8 > s.size() || s[at + 2] != ':' || s[at + 5] != ':')
        return -1;
    const int h = digits(s, at, 2), m = digits(s, at + 3, 2), sec = digits(s, at + 6, 2);
    if (h < 0 || m < 0 || sec < 0 || h > 23 || m > 59 || sec > 60)
        return -1;
    return h * 3600 + m * 60 + sec;
}

} // namespace mp::guardian::text
