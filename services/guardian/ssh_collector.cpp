#include "guardian/collectors.h"
#include "guardian/log_text.h"

namespace mp::guardian {

using namespace text;

namespace {

// Far more concurrent half-open connections than this means a flood: forget them rather than grow.
constexpr std::size_t kMaxSessions = 65536;

// "A port P..." -> A and P.
bool addressAndPort(std::string_view s, std::string_view &address, std::string_view &port)
{
    const auto at = s.find(" port ");
    if (at == std::string_view::npos)
        return false;
    address = s.substr(0, at);
    if (const auto space = address.rfind(' '); space != std::string_view::npos)
        address = address.substr(space + 1);
    std::string_view rest = s.substr(at + 6);
    std::size_t n = 0;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9')
        ++n;
    port = rest.substr(0, n);
    return !address.empty() && !port.empty();
}

// "Failed password for [invalid user ]X from A port P ssh2"
void failed(std::string_view rest, SshSessions &sessions, CollectorOutput &out)
{
    auto forPart = after(rest, " for ");
    if (!forPart)
        return;
    std::string_view who = *forPart;
    const bool invalid = startsWith(who, "invalid user ");
    if (invalid)
        who.remove_prefix(13);
    const auto from = who.rfind(" from ");
    if (from == std::string_view::npos)
        return;
    const std::string_view account = who.substr(0, from);
    std::string_view address, port;
    if (!addressAndPort(who.substr(from + 6), address, port))
        return;
    out.add(invalid ? EventKind::SshInvalidUser : EventKind::SshAuthFailure, address, account);
    SshSessions::Session &s = sessions.open(address, port);
    s.account = std::string(account);
    s.invalidUser = invalid;
    s.reported = true;
}

// The end of a connection before authentication: completes a failure no earlier line reported.
// "Connection closed by [invalid user X |authenticating user X ]A port P [preauth]"
void closed(std::string_view rest, SshSessions &sessions, CollectorOutput &out)
{
    if (!contains(rest, "[preauth]"))
        return; // after authentication: a user who logged in and out
    std::string_view address, port;
    if (!addressAndPort(rest, address, port))
        return;
    std::string_view account;
    bool invalid = false, authenticating = false;
    if (auto who = after(rest, "invalid user ")) {
        invalid = true;
        account = who->substr(0, who->find(" port "));
    } else if (auto who2 = after(rest, "authenticating user ")) {
        authenticating = true;
        account = who2->substr(0, who2->find(" port "));
    }
    if (!account.empty()) // "X A" -> X
        account = account.substr(0, account.rfind(' '));
    // OpenSSH may log two lines for one end ("Received disconnect" then "Disconnected from
    // invalid user"): the session stays, marked reported, so the second adds nothing.
    SshSessions::Session *s = sessions.find(address, port);
    if (s && !s->reported) {
        out.add(s->invalidUser ? EventKind::SshInvalidUser : EventKind::SshAuthFailure, address,
                account.empty() ? std::string_view(s->account) : account);
        s->reported = true;
    } else if (!s && (invalid || authenticating)) {
        out.add(invalid ? EventKind::SshInvalidUser : EventKind::SshAuthFailure, address, account);
        SshSessions::Session &opened = sessions.open(address, port);
        opened.account = std::string(account);
        opened.invalidUser = invalid;
        opened.reported = true;
    }
}

} // namespace

std::string SshSessions::key(std::string_view address, std::string_view port) const
{
    std::string k;
    k.reserve(address.size() + port.size() + 1);
    k.append(address).append(1, ' ').append(port);
    return k;
}

SshSessions::Session &SshSessions::open(std::string_view address, std::string_view port)
{
    if (m_sessions.size() >= kMaxSessions)
        m_sessions.clear();
    return m_sessions[key(address, port)];
}

SshSessions::Session *SshSessions::find(std::string_view address, std::string_view port)
{
    const auto it = m_sessions.find(key(address, port));
    return it == m_sessions.end() ? nullptr : &it->second;
}

void SshSessions::close(std::string_view address, std::string_view port)
{
    m_sessions.erase(key(address, port));
}

void collectSshd(std::string_view m, SshSessions &sessions, CollectorOutput &out)
{
    if (m.empty())
        return;
    switch (m.front()) {
    case 'F':
        if (startsWith(m, "Failed "))
            failed(m.substr(7), sessions, out);
        return;
    case 'I':
        if (startsWith(m, "Invalid user ")) {
            // The failure comes later ("Failed ..." or the connection's end).
            const std::string_view rest = m.substr(13);
            const auto from = rest.rfind(" from ");
            std::string_view address, port;
            if (from == std::string_view::npos || !addressAndPort(rest.substr(from + 6), address, port))
                return;
            SshSessions::Session &s = sessions.open(address, port);
            s.account = std::string(rest.substr(0, from));
            s.invalidUser = true;
            s.reported = false; // a new connection from a port seen before
        }
        return;
    case 'C':
        if (startsWith(m, "Connection closed by ") || startsWith(m, "Connection reset by "))
            closed(m.substr(m.find(" by ") + 4), sessions, out);
        return;
    case 'D':
        if (startsWith(m, "Disconnected from "))
            closed(m.substr(18), sessions, out);
        else if (startsWith(m, "Did not receive identification string from ")) {
            std::string_view address = firstWord(m.substr(44));
            out.add(EventKind::MalformedRequest, address, {});
        }
        return;
    case 'R':
        if (startsWith(m, "Received disconnect from "))
            closed(m.substr(25), sessions, out);
        return;
    case 'A':
        if (startsWith(m, "Accepted ")) {
            std::string_view address, port;
            if (auto from = after(m, " from "); from && addressAndPort(*from, address, port))
                sessions.close(address, port);
        }
        return;
    case 'B':
        if (startsWith(m, "Bad protocol version identification ")) {
            std::string_view address, port;
            if (auto from = m.rfind(" from ");
                from != std::string_view::npos && addressAndPort(m.substr(from + 6), address, port))
                out.add(EventKind::MalformedRequest, address, {});
        }
        return;
    case 'b':
        // "banner exchange: Connection from A port P: invalid format"
        if (startsWith(m, "banner exchange: Connection from ") && contains(m, "invalid format")) {
            std::string_view address, port;
            if (addressAndPort(m.substr(33), address, port))
                out.add(EventKind::MalformedRequest, address, {});
        }
        return;
    default:
        return;
    }
}

} // namespace mp::guardian
