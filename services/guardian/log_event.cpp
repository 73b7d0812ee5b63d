#include "guardian/log_event.h"

#include <cstdio>

namespace mp::guardian {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(EventKind::Count)> kNames = {
    "ssh_auth_failure",     "ssh_invalid_user", "smtp_auth_failure", "imap_auth_failure", "pop3_auth_failure",
    "http_auth_failure",    "web_probe",        "rate_limited",      "malformed_request", "dns_refused",
    "dns_transfer_refused", "mail_sent"};

void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace

std::string_view kindName(EventKind kind)
{
    return kind < EventKind::Count ? kNames[static_cast<std::size_t>(kind)] : std::string_view("unknown");
}

bool isAuthFailure(EventKind kind)
{
    switch (kind) {
    case EventKind::SshAuthFailure:
    case EventKind::SshInvalidUser:
    case EventKind::SmtpAuthFailure:
    case EventKind::ImapAuthFailure:
    case EventKind::Pop3AuthFailure:
    case EventKind::HttpAuthFailure:
        return true;
    default:
        return false;
    }
}

std::string isoTimeText(std::int64_t t)
{
    // Howard Hinnant's civil_from_days: a few divisions instead of a QDateTime per event.
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    std::int64_t secs = t - days * 86400;
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
                  m, d, static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return buffer;
}

QString isoTime(std::int64_t epochSeconds)
{
    return QString::fromStdString(isoTimeText(epochSeconds));
}

std::string eventJsonLine(const LogEvent &event)
{
    std::string out;
    out.reserve(128);
    out += "{\"line\":";
    out += std::to_string(event.line);
    out += ",\"kind\":";
    appendJsonString(out, kindName(event.kind));
    out += ",\"address\":";
    appendJsonString(out, event.address);
    out += ",\"account\":";
    if (event.account.empty())
        out += "null";
    else
        appendJsonString(out, event.account);
    out += ",\"time\":";
    if (event.time == LogEvent::kNoTime)
        out += "null";
    else
        appendJsonString(out, isoTimeText(event.time));
    out += '}';
    return out;
}

} // namespace mp::guardian
