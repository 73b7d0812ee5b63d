#include "guardian/collectors.h"
#include "guardian/log_text.h"

namespace mp::guardian {

using namespace text;

namespace {

// Paths that scanners try on every site; a site that serves one answers 2xx/3xx, so only a
// refused or missing one (403, 404, 410, 444) is a probe.
constexpr std::string_view kScannerPaths[] = {
    "wp-login.php", "xmlrpc.php",  "/wp-admin",  "/wp-includes/", "wp-config",   "/.env",
    "/.git/",       "/.svn/",      "phpmyadmin", "/pma/",         "/myadmin",    "setup.php",
    "/.aws/",       "phpunit",     "/cgi-bin/",  "/boaform",      "/actuator/",  "/hnap1",
    "/.ds_store",   "/etc/passwd", "../",        "/shell",        "/solr/admin", "/server-status",
    "/admin.php",   "/.htaccess",  "/.htpasswd", "/config.json",  "/vendor/",    "/owa/auth"};

bool containsNoCase(std::string_view haystack, std::string_view needle)
{
    if (needle.size() > haystack.size())
        return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size()) {
            char c = haystack[i + j];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            if (c != needle[j])
                break;
            ++j;
        }
        if (j == needle.size())
            return true;
    }
    return false;
}

bool isScannerPath(std::string_view path)
{
    for (std::string_view p : kScannerPaths)
        if (containsNoCase(path, p))
            return true;
    return false;
}

// "GET /path HTTP/1.1": an upper-case method, a target, an HTTP version.
bool wellFormedRequest(std::string_view request, std::string_view &target)
{
    const auto sp1 = request.find(' ');
    if (sp1 == std::string_view::npos || sp1 == 0 || sp1 > 16)
        return false;
    for (std::size_t i = 0; i < sp1; ++i)
        if (request[i] < 'A' || request[i] > 'Z')
            return false;
    const auto sp2 = request.rfind(' ');
    if (sp2 == sp1 || !startsWith(request.substr(sp2 + 1), "HTTP/"))
        return false;
    target = request.substr(sp1 + 1, sp2 - sp1 - 1);
    return !target.empty();
}

// "07/Dec/2026:20:34:06 +0000"
std::int64_t accessTime(std::string_view t)
{
    if (t.size() < 26 || t[2] != '/' || t[6] != '/' || t[11] != ':')
        return LogEvent::kNoTime;
    const int day = digits(t, 0, 2), month = monthNumber(t.substr(3, 3)), year = digits(t, 7, 4);
    const int tod = timeOfDay(t, 12);
    const int oh = digits(t, 22, 2), om = digits(t, 24, 2);
    if (day < 1 || month == 0 || year < 0 || tod < 0 || oh < 0 || om < 0)
        return LogEvent::kNoTime;
    const int offset = (t[21] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    return epochSeconds(year, month, day, 0, 0, 0) + tod - offset;
}

} // namespace

// The combined log format: A - user [time] "request" status bytes "referer" "agent".
void collectNginxAccess(std::string_view m, CollectorOutput &out)
{
    const auto sp = m.find(' ');
    if (sp == std::string_view::npos || m.substr(sp, 3) != " - ")
        return;
    const std::string_view address = m.substr(0, sp);
    std::string_view rest = m.substr(sp + 3);
    const std::string_view user = firstWord(rest);
    const auto open = rest.find(" [");
    const auto close = rest.find("] \"");
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return;
    const std::int64_t time = accessTime(rest.substr(open + 2, close - open - 2));
    rest = rest.substr(close + 3);
    // nginx escapes a quote inside the request as \x22, so the request ends at the next `" `.
    const auto end = rest.find("\" ");
    if (end == std::string_view::npos)
        return;
    const std::string_view request = rest.substr(0, end);
    const int status = digits(rest, end + 2, 3);
    if (status < 0)
        return;
    if (time != LogEvent::kNoTime)
        out.setTime(time);
    std::string_view target;
    const bool wellFormed = wellFormedRequest(request, target);
    if (status == 400 || status == 414 || status == 431 || status == 494 || (!wellFormed && status != 408)) {
        out.add(EventKind::MalformedRequest, address, {});
    } else if (status == 401) {
        if (user != "-") // without credentials, 401 is the challenge every browser gets first
            out.add(EventKind::HttpAuthFailure, address, user);
    } else if (status == 429) {
        out.add(EventKind::RateLimited, address, {});
    } else if ((status == 403 || status == 404 || status == 410 || status == 444) &&
               isScannerPath(until(target, '?'))) {
        out.add(EventKind::WebProbe, address, {});
    }
}

// "2026/12/07 20:34:06 [error] 1234#1234: *5 <what>, client: A, server: example.com, ..."
void collectNginxError(std::string_view m, CollectorOutput &out)
{
    if (m.size() > 19 && m[4] == '/' && m[7] == '/' && m[10] == ' ') {
        const int y = digits(m, 0, 4), mo = digits(m, 5, 2), d = digits(m, 8, 2), tod = timeOfDay(m, 11);
        if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && tod >= 0)
            out.setTime(epochSeconds(y, mo, d, 0, 0, 0) + tod);
    }
    const std::string_view address = valueOf(m, ", client: ", ',');
    if (address.empty())
        return;
    // `user "x": password mismatch` / `user "x" was not found in "/etc/nginx/.htpasswd"`
    if (auto user = after(m, " user \"")) {
        const std::string_view rest = user->substr(user->find('"') + 1);
        if (startsWith(rest, ": password mismatch") || startsWith(rest, " was not found in"))
            out.add(EventKind::HttpAuthFailure, address, until(*user, '"'));
        return;
    }
    if (contains(m, "limiting requests, excess") || contains(m, "limiting connections by zone"))
        out.add(EventKind::RateLimited, address, {});
    else if (contains(m, "client sent invalid") || contains(m, "client sent plain HTTP request") ||
             contains(m, "client sent too long"))
        out.add(EventKind::MalformedRequest, address, {});
}

} // namespace mp::guardian
