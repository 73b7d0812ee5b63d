#pragma once

#include <cstdint>
#include <string_view>

namespace mp::guardian {

// The year a syslog time ("Dec  7 20:34:06") belongs to, which the line does not say: the
// reference year, or the one before for a month after the reference month (a December line
// read in January).
struct YearHint {
    int year = 1970;
    int month = 12;
};

// A log line split into what every syslog-style format shares: the time, the program
// ("sshd", "postfix/smtpd", empty when the line names none) and the message. Understood:
// RFC 3164 syslog and `journalctl -o short` ("Dec 07 20:34:06 host sshd[42]: ..."), ISO 8601
// syslog ("2026-12-07T20:34:06.123+00:00 host sshd[42]: ..."), a program's own "Mmm dd time"
// prefix without host (Dovecot's log_path, PowerDNS on stdout), and bare messages
// (`journalctl -o cat`). Native formats (nginx, BIND, NSD) come through as a bare message with
// no time; their collectors read their own time. Times without a zone are UTC.
struct Envelope {
    static constexpr std::int64_t kNoTime = INT64_MIN;
    std::int64_t time = kNoTime;
    std::string_view program;
    std::string_view message; // after "program[pid]: ", or everything after the time
};

Envelope splitEnvelope(std::string_view line, const YearHint &hint);

} // namespace mp::guardian
