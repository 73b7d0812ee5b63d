#pragma once

#include <QString>
#include <QStringList>

namespace mp::monitoring {

// What one DNS question over UDP got. `reached` is false when no answer came (timeout, refused,
// unreadable reply); `rcode` is the server's response code (0: NOERROR, 3: NXDOMAIN).
struct DnsAnswer {
    bool reached = false;
    int rcode = 0;
    QStringList records; // of the asked type, in presentation form: "203.0.113.5", "10 mx.example.com."
    int latencyMs = 0;
    QString error;
};

// A blocking DNS client for the poll job's worker thread: one question, one UDP datagram, no
// retries (the check's thresholds retry). Names and records compare in lower case with a final dot.
class DnsProbe {
public:
    // The record types a DNS check may ask for.
    static QStringList types();
    // Asks `hostPort` (the server, "host:port") for `name`'s records of `type`.
    static DnsAnswer ask(const QString &hostPort, const QString &name, const QString &type, int timeoutMs);
    // The DNS message asking for `name`/`type` with `id`; empty when the name cannot be encoded.
    static QByteArray question(quint16 id, const QString &name, const QString &type);
    // Reads a reply to `id`; records of `type` only.
    static DnsAnswer read(const QByteArray &reply, quint16 id, const QString &type);
};

} // namespace mp::monitoring
