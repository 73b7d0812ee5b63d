#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mp::guardian {

// What a collector saw on a log line. The names are the wire names of `guardian parse` and of
// the findings' evidence.
enum class EventKind : std::uint8_t {
    SshAuthFailure,     // a password, public key or keyboard-interactive login refused
    SshInvalidUser,     // a login attempt for an account that does not exist
    SmtpAuthFailure,    // SMTP AUTH refused (Postfix SASL, Dovecot submission)
    ImapAuthFailure,    // IMAP login refused
    Pop3AuthFailure,    // POP3 login refused
    HttpAuthFailure,    // HTTP basic auth refused
    WebProbe,           // a request for a scanner's path that the site does not serve
    RateLimited,        // the web server limited the client's requests or connections
    MalformedRequest,   // a request that is not the protocol (web or SSH)
    DnsRefused,         // a DNS query, update or NOTIFY the server refused
    DnsTransferRefused, // a zone transfer (AXFR/IXFR) the server refused
    MailSent,           // one message submitted by an authenticated mailbox (bursts are spam)
    Count
};

std::string_view kindName(EventKind kind);
// Authentication failures of any protocol: what brute force and spraying count.
bool isAuthFailure(EventKind kind);

// One event. `time` is seconds since the epoch, or kNoTime for a line that carries none
// (`journalctl -o cat`). `address` is canonical text (IPv4-mapped IPv6 as IPv4).
struct LogEvent {
    static constexpr std::int64_t kNoTime = INT64_MIN;
    EventKind kind = EventKind::Count;
    std::string address;
    std::string account;
    std::int64_t time = kNoTime;
    std::int64_t line = 0; // 1-based in the file (or in the read, for incremental reads)
    std::string_view text; // the line; valid while the buffer it was parsed from is
};

// The JSON line `guardian parse` prints: {"line","kind","address","account","time"}.
std::string eventJsonLine(const LogEvent &event);
// "2026-12-07T20:34:06Z"
std::string isoTimeText(std::int64_t epochSeconds);
QString isoTime(std::int64_t epochSeconds);

} // namespace mp::guardian
