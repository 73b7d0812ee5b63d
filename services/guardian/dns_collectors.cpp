#include "guardian/collectors.h"
#include "guardian/log_text.h"

namespace mp::guardian {

using namespace text;

namespace {

// The name in "'example.com/AXFR/IN'" or "'example.com'".
std::string_view quotedName(std::string_view s)
{
    auto open = after(s, "'");
    if (!open)
        return {};
    std::string_view name = until(*open, '\'');
    return until(name, '/');
}

// "A:53", "[v6]:53", bare "v6", "A@53" -> the address.
std::string_view withoutPort(std::string_view s)
{
    if (!s.empty() && s.front() == '[')
        return until(s.substr(1), ']');
    if (const auto at = s.find('@'); at != std::string_view::npos)
        return s.substr(0, at);
    const auto colon = s.find(':');
    if (colon != std::string_view::npos && s.find(':', colon + 1) == std::string_view::npos)
        return s.substr(0, colon);
    return s;
}

std::string_view trimDot(std::string_view name)
{
    if (!name.empty() && name.back() == '.')
        name.remove_suffix(1);
    return name;
}

// BIND's own "07-Dec-2026 20:34:06.123 " prefix.
std::int64_t bindTime(std::string_view m)
{
    if (m.size() < 20 || m[2] != '-' || m[6] != '-' || m[11] != ' ')
        return LogEvent::kNoTime;
    const int d = digits(m, 0, 2), mo = monthNumber(m.substr(3, 3)), y = digits(m, 7, 4),
              tod = timeOfDay(m, 12);
    if (d < 1 || mo == 0 || y < 0 || tod < 0)
        return LogEvent::kNoTime;
    return epochSeconds(y, mo, d, 0, 0, 0) + tod;
}

// NSD's own "[2026-12-07 20:34:06.123] " prefix.
std::int64_t nsdTime(std::string_view m)
{
    if (m.size() < 21 || m[0] != '[' || m[5] != '-' || m[8] != '-' || m[11] != ' ')
        return LogEvent::kNoTime;
    const int y = digits(m, 1, 4), mo = digits(m, 6, 2), d = digits(m, 9, 2), tod = timeOfDay(m, 12);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || tod < 0)
        return LogEvent::kNoTime;
    return epochSeconds(y, mo, d, 0, 0, 0) + tod;
}

} // namespace

// "client @0x7f.. A#port (name): query (cache) 'name/A/IN' denied"
// "client @0x7f.. A#port (name): zone transfer 'name/AXFR/IN' denied"
// "client @0x7f.. A#port (name): bad zone transfer request: 'name/IN': non-authoritative zone"
// "client @0x7f.. A#port: update 'name/IN' denied"; "refused notify from non-master: A#port"
void collectBind(std::string_view m, CollectorOutput &out)
{
    if (const std::int64_t t = bindTime(m); t != LogEvent::kNoTime)
        out.setTime(t);
    if (auto notify = after(m, "refused notify from non-master: ")) {
        out.add(EventKind::DnsRefused, until(*notify, '#'), {});
        return;
    }
    auto client = after(m, "client ");
    if (!client)
        return;
    std::string_view rest = *client;
    if (startsWith(rest, "@0x"))
        rest = rest.substr(std::min(rest.size(), rest.find(' ') + 1));
    const std::string_view address = until(firstWord(rest), '#');
    const auto colon = rest.find(": ");
    if (colon == std::string_view::npos)
        return;
    const std::string_view what = rest.substr(colon + 2);
    if (startsWith(what, "zone transfer '") && contains(what, "' denied"))
        out.add(EventKind::DnsTransferRefused, address, quotedName(what));
    else if (startsWith(what, "bad zone transfer request"))
        out.add(EventKind::DnsTransferRefused, address, quotedName(what));
    else if ((startsWith(what, "query ") || startsWith(what, "update '")) && contains(what, "' denied"))
        out.add(EventKind::DnsRefused, address, quotedName(what));
}

// "axfr for example.com. from A refused, no acl matches"; "notify for example.com. from A refused"
void collectNsd(std::string_view m, CollectorOutput &out)
{
    if (const std::int64_t t = nsdTime(m); t != LogEvent::kNoTime)
        out.setTime(t);
    const auto refused = m.find(" refused");
    if (refused == std::string_view::npos)
        return;
    const std::string_view head = m.substr(0, refused);
    const auto forAt = head.find("xfr for ");
    const auto notifyAt = head.find("notify for ");
    const auto from = head.rfind(" from ");
    if (from == std::string_view::npos)
        return;
    const std::string_view address = withoutPort(head.substr(from + 6));
    if (forAt != std::string_view::npos && forAt > 0 && (head[forAt - 1] == 'a' || head[forAt - 1] == 'i'))
        out.add(EventKind::DnsTransferRefused, address, trimDot(firstWord(head.substr(forAt + 8))));
    else if (notifyAt != std::string_view::npos)
        out.add(EventKind::DnsRefused, address, trimDot(firstWord(head.substr(notifyAt + 11))));
}

// "AXFR-out zone 'example.com', client '192.0.2.1:53', failed: client may not request AXFR"
// "AXFR of domain 'example.com' denied: client IP 192.0.2.1 has no permission"
// "Received NOTIFY for example.com from 192.0.2.1 which is not a master (Refused)"
void collectPdns(std::string_view m, CollectorOutput &out)
{
    if (auto zone = after(m, "AXFR-out zone '")) {
        if (!contains(*zone, "failed: client may not request"))
            return;
        out.add(EventKind::DnsTransferRefused, withoutPort(valueOf(*zone, "client '", '\'')),
                until(*zone, '\''));
    } else if (auto domain = after(m, "AXFR of domain '")) {
        if (auto ip = after(*domain, "denied: client IP "))
            out.add(EventKind::DnsTransferRefused, firstWord(*ip), until(*domain, '\''));
    } else if (auto notify = after(m, "Received NOTIFY for ")) {
        if (!contains(*notify, "(Refused)"))
            return;
        const std::string_view name = firstWord(*notify);
        out.add(EventKind::DnsRefused, firstWord(valueOf(*notify, " from ", ' ')), trimDot(name));
    }
}

} // namespace mp::guardian
