#pragma once

#include "guardian/collector_output.h"
#include "guardian/log_envelope.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace mp::guardian {

// An SSH connection's lines that have not yet completed a failure: "Invalid user x from A port
// P" is followed, lines later, by the line that ends the connection; the failure is reported
// on the line that completes it, once. Keyed by address and port, which every format shows
// (`journalctl -o cat` has no pid).
class SshSessions {
public:
    struct Session {
        std::string account;
        bool invalidUser = false;
        bool reported = false;
    };
    Session &open(std::string_view address, std::string_view port);
    Session *find(std::string_view address, std::string_view port);
    void close(std::string_view address, std::string_view port);

private:
    std::string key(std::string_view address, std::string_view port) const;
    std::unordered_map<std::string, Session> m_sessions;
};

// One collector per log family. Each reads one message (a line without its syslog envelope;
// native formats get the whole line and read their own time) and adds its events to `out`.
void collectSshd(std::string_view message, SshSessions &sessions, CollectorOutput &out);
void collectPostfix(std::string_view message, CollectorOutput &out);
void collectDovecot(std::string_view program, std::string_view message, CollectorOutput &out);
void collectNginxAccess(std::string_view message, CollectorOutput &out);
void collectNginxError(std::string_view message, CollectorOutput &out);
void collectBind(std::string_view message, CollectorOutput &out);
void collectNsd(std::string_view message, CollectorOutput &out);
void collectPdns(std::string_view message, CollectorOutput &out);

} // namespace mp::guardian
