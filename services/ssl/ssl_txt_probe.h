#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace mp::ssl {

// Asks one authoritative server directly, over UDP without recursion, for the TXT records at a
// name: how DNS-01 knows every server of the zone serves the answer before the CA is asked to
// look (a resolver's cache would say nothing about the servers the CA will reach).
class SslTxtProbe {
public:
    // `server`: "host:port" (port 53 when absent), an IP address. The strings of each record are
    // joined, as RFC 8555 section 8.4 reads a TXT record. An empty list: the name has no TXT.
    static Result<QStringList> query(const QString &server, const QString &name, int timeoutMs = 3000);
};

} // namespace mp::ssl
