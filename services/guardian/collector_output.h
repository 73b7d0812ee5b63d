#pragma once

#include "guardian/log_event.h"

#include <string_view>
#include <vector>

namespace mp::guardian {

// Where a collector puts the events of one line: it stamps them with the line's number and
// time, drops any whose address is not an address (so a garbled line yields nothing), and
// repeats them for a syslog "message repeated N times" line.
class CollectorOutput {
public:
    CollectorOutput(std::vector<LogEvent> &events, std::string_view text, std::int64_t line,
                    std::int64_t time, int repeat)
        : m_events(events), m_text(text), m_line(line), m_time(time), m_repeat(repeat)
    {
    }
    // `times` for one line that reports several attempts (Dovecot's "3 attempts").
    void add(EventKind kind, std::string_view address, std::string_view account, int times = 1);
    // For native formats, which carry their own time.
    void setTime(std::int64_t time) { m_time = time; }
    std::int64_t time() const { return m_time; }
    int added() const { return m_added; }

private:
    std::vector<LogEvent> &m_events;
    std::string_view m_text;
    std::int64_t m_line;
    std::int64_t m_time;
    int m_repeat;
    int m_added = 0;
};

} // namespace mp::guardian
