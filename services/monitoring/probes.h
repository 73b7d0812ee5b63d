#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mp::monitoring {

// What one probe saw. `reached` is false when nothing answered (refused, timed out, no TLS);
// the caller decides what an answer means for a check.
struct HttpProbe {
    bool reached = false;
    long status = 0;
    QByteArray body; // at most kMaxBody bytes
    int latencyMs = 0;
    QString error;
};

struct TlsProbe {
    bool reached = false;
    QDateTime expiresAt; // the peer certificate's notAfter
    QString subject;
    QString verifyErrors; // empty when the chain verified against the system's CAs
    int latencyMs = 0;
    QString error;
};

struct TcpProbe {
    bool reached = false;
    int latencyMs = 0;
    QString error;
};

// Blocking probes for the poll job's worker thread (never the console's or the HTTP server's
// thread). Each uses its own socket or curl handle, so they are safe on any number of threads.
class Probes {
public:
    static constexpr qsizetype kMaxBody = 4 * 1024 * 1024;

    // GET `url`, following no redirects (a check names the URL it expects to answer).
    static HttpProbe httpGet(const QString &url, int timeoutMs);
    // Connects to "host:port".
    static TcpProbe tcpConnect(const QString &hostPort, int timeoutMs);
    // A TLS handshake with "host:port" (SNI: host), reading the certificate whether or not it
    // verifies: an expiry check must see an expired certificate.
    static TlsProbe tlsHandshake(const QString &hostPort, int timeoutMs);

    // "host:port" split; false when either part is missing or the port is not 1..65535.
    static bool splitHostPort(const QString &hostPort, QString *host, quint16 *port);
};

} // namespace mp::monitoring
