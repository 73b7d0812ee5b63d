#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

// Small string_view helpers the collectors share: they run on every line of a log, so they
// allocate nothing.
namespace mp::guardian::text {

inline bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

inline bool contains(std::string_view s, std::string_view needle)
{
    return s.find(needle) != std::string_view::npos;
}

// What follows the first `needle` in `s`, or nothing.
inline std::optional<std::string_view> after(std::string_view s, std::string_view needle)
{
    const auto at = s.find(needle);
    if (at == std::string_view::npos)
        return std::nullopt;
    return s.substr(at + needle.size());
}

// The text up to the first `stop` (all of `s` when there is none).
inline std::string_view until(std::string_view s, char stop)
{
    return s.substr(0, s.find(stop));
}

inline std::string_view firstWord(std::string_view s)
{
    return until(s, ' ');
}

// The value of `key` up to `stop`, e.g. value("rip=1.2.3.4, lip=...", "rip=", ',').
inline std::string_view valueOf(std::string_view s, std::string_view key, char stop)
{
    auto rest = after(s, key);
    return rest ? until(*rest, stop) : std::string_view();
}

inline int digits(std::string_view s, std::size_t at, std::size_t n)
{
    if (at + n > s.size())
        return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

// 1..12 for "Jan".."Dec", 0 otherwise.
int monthNumber(std::string_view abbreviation);

// Seconds since the epoch of a UTC civil time.
std::int64_t epochSeconds(int year, int month, int day, int hour, int minute, int second);

// "hh:mm:ss" at `at`, as seconds of the day, or -1.
int timeOfDay(std::string_view s, std::size_t at);

} // namespace mp::guardian::text
