#include "guardian/log_parser.h"

#include "guardian/log_text.h"

#include <cstring>

namespace mp::guardian {

using namespace text;

namespace {

struct NamedFormat {
    std::string_view name;
    LogFormat format;
};
constexpr NamedFormat kFormats[] = {{"sshd", LogFormat::Sshd},
                                    {"postfix", LogFormat::Postfix},
                                    {"dovecot", LogFormat::Dovecot},
                                    {"nginx-access", LogFormat::NginxAccess},
                                    {"nginx-error", LogFormat::NginxError},
                                    {"bind", LogFormat::Bind},
                                    {"nsd", LogFormat::Nsd},
                                    {"pdns", LogFormat::Pdns},
                                    {"auto", LogFormat::Auto}};

// "message repeated 5 times: [ Failed password for root from ...]" -> 5 and the inner message.
int unwrapRepeat(std::string_view &message)
{
    if (!startsWith(message, "message repeated "))
        return 1;
    const std::string_view rest = message.substr(17);
    const int n = digits(rest, 0, rest.find(' '));
    const auto open = rest.find(": [ ");
    if (n < 1 || open == std::string_view::npos || rest.back() != ']')
        return 1;
    message = rest.substr(open + 4, rest.size() - open - 5);
    return n;
}

} // namespace

std::optional<LogFormat> formatFromName(std::string_view name)
{
    for (const NamedFormat &f : kFormats)
        if (f.name == name)
            return f.format;
    return std::nullopt;
}

QString formatName(LogFormat format)
{
    for (const NamedFormat &f : kFormats)
        if (f.format == format)
            return QString::fromLatin1(f.name.data(), static_cast<qsizetype>(f.name.size()));
    return {};
}

QStringList formatNames()
{
    QStringList names;
    for (const NamedFormat &f : kFormats)
        names.append(QString::fromLatin1(f.name.data(), static_cast<qsizetype>(f.name.size())));
    return names;
}

void LogParser::dispatch(LogFormat format, const Envelope &e, CollectorOutput &out)
{
    switch (format) {
    case LogFormat::Sshd:
        collectSshd(e.message, m_ssh, out);
        return;
    case LogFormat::Postfix:
        collectPostfix(e.message, out);
        return;
    case LogFormat::Dovecot:
        collectDovecot(e.program, e.message, out);
        return;
    case LogFormat::NginxAccess:
        collectNginxAccess(e.message, out);
        return;
    case LogFormat::NginxError:
        collectNginxError(e.message, out);
        return;
    case LogFormat::Bind:
        collectBind(e.message, out);
        return;
    case LogFormat::Nsd:
        collectNsd(e.message, out);
        return;
    case LogFormat::Pdns:
        collectPdns(e.message, out);
        return;
    case LogFormat::Auto:
        detect(e, out);
        return;
    }
}

// `auto`: the program tag says whose line it is; a line without one (a native format, or
// `journalctl -o cat`) is tried by its shape, then by each collector until one finds events.
void LogParser::detect(const Envelope &e, CollectorOutput &out)
{
    const std::string_view p = e.program;
    if (!p.empty()) {
        if (p == "sshd" || p == "sshd-session")
            return dispatch(LogFormat::Sshd, e, out);
        if (startsWith(p, "postfix"))
            return dispatch(LogFormat::Postfix, e, out);
        if (p == "dovecot" || p == "auth" || (p.size() > 6 && p.substr(p.size() - 6) == "-login"))
            return dispatch(LogFormat::Dovecot, e, out);
        if (p == "named")
            return dispatch(LogFormat::Bind, e, out);
        if (p == "nsd")
            return dispatch(LogFormat::Nsd, e, out);
        if (startsWith(p, "pdns"))
            return dispatch(LogFormat::Pdns, e, out);
        if (p == "nginx") {
            dispatch(LogFormat::NginxAccess, e, out);
            if (out.added() == 0)
                dispatch(LogFormat::NginxError, e, out);
            return;
        }
    }
    const std::string_view m = e.message;
    if (e.time == Envelope::kNoTime && m.size() > 12) {
        if (m[0] == '[')
            return dispatch(LogFormat::Nsd, e, out);
        if (m[0] >= '0' && m[0] <= '9' && m[4] == '/')
            return dispatch(LogFormat::NginxError, e, out);
        if (m[0] >= '0' && m[0] <= '9' && m[2] == '-')
            return dispatch(LogFormat::Bind, e, out);
        if (contains(m.substr(0, 48), " - "))
            return dispatch(LogFormat::NginxAccess, e, out);
    }
    static constexpr LogFormat order[] = {LogFormat::Sshd, LogFormat::Postfix, LogFormat::Dovecot,
                                          LogFormat::Pdns, LogFormat::Bind,    LogFormat::Nsd};
    for (LogFormat f : order) {
        dispatch(f, e, out);
        if (out.added() > 0)
            return;
    }
}

void LogParser::parseLine(std::string_view line, std::int64_t lineNumber, std::vector<LogEvent> &out)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    Envelope e = splitEnvelope(line, m_hint);
    const int repeat = unwrapRepeat(e.message);
    CollectorOutput output(out, line, lineNumber, e.time, repeat);
    dispatch(m_format, e, output);
}

std::int64_t LogParser::parseBuffer(std::string_view buffer, std::int64_t firstLine,
                                    std::vector<LogEvent> &out)
{
    std::int64_t n = 0;
    const char *p = buffer.data();
    const char *end = p + buffer.size();
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char *lineEnd = nl ? nl : end;
        parseLine(std::string_view(p, static_cast<std::size_t>(lineEnd - p)), firstLine + n, out);
        ++n;
        p = nl ? nl + 1 : end;
    }
    return n;
}

} // namespace mp::guardian
