#include "guardian/collectors.h"
#include "guardian/log_text.h"

namespace mp::guardian {

using namespace text;

namespace {

// "host[A]" -> A (Postfix writes IPv6 inside the brackets too).
std::string_view bracketed(std::string_view s)
{
    const auto open = s.find('[');
    if (open == std::string_view::npos)
        return {};
    const auto close = s.find(']', open);
    return close == std::string_view::npos ? std::string_view() : s.substr(open + 1, close - open - 1);
}

int leadingNumber(std::string_view s)
{
    int n = 0, used = 0;
    while (used < static_cast<int>(s.size()) && used < 6 && s[static_cast<std::size_t>(used)] >= '0' &&
           s[static_cast<std::size_t>(used)] <= '9')
        n = n * 10 + (s[static_cast<std::size_t>(used++)] - '0');
    return used == 0 ? 1 : n;
}

} // namespace

void collectPostfix(std::string_view m, CollectorOutput &out)
{
    // "warning: unknown[A]: SASL LOGIN authentication failed: UGFzc3dvcmQ6[, sasl_username=u]"
    if (startsWith(m, "warning: ")) {
        const auto sasl = m.find("]: SASL ");
        if (sasl == std::string_view::npos || !contains(m.substr(sasl), "authentication failed"))
            return;
        const std::string_view address = bracketed(m.substr(9, sasl + 1 - 9));
        out.add(EventKind::SmtpAuthFailure, address, valueOf(m, "sasl_username=", ','));
        return;
    }
    // "4F1B2C3D: client=host[A], sasl_method=PLAIN, sasl_username=alice@example.com": one message
    // submitted by a mailbox.
    const auto client = m.find(": client=");
    if (client == std::string_view::npos || client > 20)
        return;
    const std::string_view account = valueOf(m, ", sasl_username=", ',');
    if (account.empty())
        return; // mail arriving from outside, not sent by one of ours
    out.add(EventKind::MailSent, bracketed(m.substr(client)), account);
}

void collectDovecot(std::string_view program, std::string_view m, CollectorOutput &out)
{
    // "imap-login: Disconnected (auth failed, 3 attempts in 15 secs): user=<u>, method=PLAIN,
    // rip=A, lip=B, TLS, session=<...>" (2.4: "Login aborted: ... (auth failed, N attempts ...)")
    const auto failed = m.find("(auth failed, ");
    if (failed == std::string_view::npos)
        return;
    EventKind kind;
    const auto has = [&](std::string_view login) { return contains(m, login) || startsWith(program, login); };
    if (has("imap-login"))
        kind = EventKind::ImapAuthFailure;
    else if (has("pop3-login"))
        kind = EventKind::Pop3AuthFailure;
    else if (has("submission-login"))
        kind = EventKind::SmtpAuthFailure;
    else
        return; // managesieve and others: not a mail login we count
    const int attempts = leadingNumber(m.substr(failed + 14));
    const std::string_view account = valueOf(m, "user=<", '>');
    out.add(kind, valueOf(m, "rip=", ','), account, attempts);
}

} // namespace mp::guardian
