#pragma once

#include "guardian/collectors.h"
#include "guardian/log_envelope.h"
#include "guardian/log_event.h"

#include <QStringList>

#include <optional>
#include <string_view>
#include <vector>

namespace mp::guardian {

enum class LogFormat { Sshd, Postfix, Dovecot, NginxAccess, NginxError, Bind, Nsd, Pdns, Auto };

std::optional<LogFormat> formatFromName(std::string_view name);
QString formatName(LogFormat format);
QStringList formatNames();

// Turns the lines of one log into events. Keeps what spans lines (SSH connections), so one
// parser reads one log, in order.
class LogParser {
public:
    LogParser(LogFormat format, YearHint hint) : m_format(format), m_hint(hint) {}

    // Appends the events of one line (without its newline).
    void parseLine(std::string_view line, std::int64_t lineNumber, std::vector<LogEvent> &out);
    // Every line of `buffer`; the first is numbered `firstLine`. Returns the number of lines.
    std::int64_t parseBuffer(std::string_view buffer, std::int64_t firstLine, std::vector<LogEvent> &out);

private:
    void dispatch(LogFormat format, const Envelope &e, CollectorOutput &out);
    void detect(const Envelope &e, CollectorOutput &out);

    LogFormat m_format;
    YearHint m_hint;
    SshSessions m_ssh;
};

} // namespace mp::guardian
