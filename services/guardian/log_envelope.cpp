#include "guardian/log_envelope.h"

#include "guardian/log_text.h"

namespace mp::guardian {

namespace {

using namespace text;

// "Dec  7 20:34:06" or "Dec 07 20:34:06", optionally with fractions; returns the length, or 0.
std::size_t syslogTime(std::string_view line, const YearHint &hint, std::int64_t &time)
{
    if (line.size() < 16 || line[3] != ' ' || (line[15] != ' ' && line[15] != '.'))
        return 0;
    const int month = monthNumber(line.substr(0, 3));
    if (month == 0)
        return 0;
    const int day = line[4] == ' ' ? digits(line, 5, 1) : digits(line, 4, 2);
    const int tod = timeOfDay(line, 7);
    if (day < 1 || day > 31 || tod < 0)
        return 0;
    std::size_t end = 15;
    if (line[15] == '.') // `journalctl -o short-precise`: the fraction is dropped
        for (++end; end < line.size() && line[end] >= '0' && line[end] <= '9'; ++end) {
        }
    const int year = month > hint.month ? hint.year - 1 : hint.year;
    time = epochSeconds(year, month, day, 0, 0, 0) + tod;
    return end;
}

// "2026-12-07T20:34:06[.frac][Z|+hh:mm|+hhmm]"; returns the length, or 0.
std::size_t isoTime(std::string_view line, std::int64_t &time)
{
    if (line.size() < 19 || line[4] != '-' || line[7] != '-' || line[10] != 'T')
        return 0;
    const int y = digits(line, 0, 4), mo = digits(line, 5, 2), d = digits(line, 8, 2);
    const int tod = timeOfDay(line, 11);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || tod < 0)
        return 0;
    std::size_t at = 19;
    if (at < line.size() && line[at] == '.')
        for (++at; at < line.size() && line[at] >= '0' && line[at] <= '9'; ++at) {
        }
    std::int64_t offset = 0;
    if (at < line.size() && line[at] == 'Z') {
        ++at;
    } else if (at < line.size() && (line[at] == '+' || line[at] == '-')) {
        const int sign = line[at] == '-' ? -1 : 1;
        const int oh = digits(line, at + 1, 2);
        const bool colon = at + 3 < line.size() && line[at + 3] == ':';
        const int om = digits(line, at + (colon ? 4 : 3), 2);
        if (oh < 0 || om < 0)
            return 0;
        offset = sign * (oh * 3600 + om * 60);
        at += colon ? 6 : 5;
    }
    time = epochSeconds(y, mo, d, 0, 0, 0) + tod - offset;
    return at;
}

// "sshd[42]:" -> "sshd"; empty when `word` is not a program tag.
std::string_view programOf(std::string_view word)
{
    if (word.size() < 2 || word.back() != ':')
        return {};
    word.remove_suffix(1);
    if (const auto bracket = word.find('['); bracket != std::string_view::npos)
        word = word.substr(0, bracket);
    return word;
}

} // namespace

Envelope splitEnvelope(std::string_view line, const YearHint &hint)
{
    Envelope e;
    std::size_t used = syslogTime(line, hint, e.time);
    if (used == 0)
        used = isoTime(line, e.time);
    if (used == 0) {
        e.message = line;
        return e;
    }
    std::string_view rest = line.substr(used);
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    e.message = rest;
    // Either "host program[pid]: message" or (a program's own log) "program: message".
    const std::string_view first = firstWord(rest);
    if (std::string_view program = programOf(first); !program.empty()) {
        e.program = program;
        e.message = rest.substr(std::min(rest.size(), first.size() + 1));
        return e;
    }
    const std::string_view afterHost = rest.substr(std::min(rest.size(), first.size() + 1));
    const std::string_view second = firstWord(afterHost);
    if (std::string_view program = programOf(second); !program.empty()) {
        e.program = program;
        e.message = afterHost.substr(std::min(afterHost.size(), second.size() + 1));
    }
    return e;
}

} // namespace mp::guardian
