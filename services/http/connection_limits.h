#pragma once

#include <QtGlobal>

namespace mp {

// What one HTTP connection may cost the service. A request's head must fit in maxHeadBytes
// (else 431), its body in the route's limit, announced by Content-Length (else 413 before any of
// it is read; a body without Content-Length is 411); the whole request must arrive within
// requestTimeoutMs of its first byte (else 408); a connection idle between requests for
// idleTimeoutMs is closed. One client address holds at most maxConnectionsPerAddress connections
// at once (0: no cap); the next is answered 429 and closed, so one client cannot take every socket
// and thread from the others.
struct ConnectionLimits {
    qsizetype maxHeadBytes = 32 * 1024;
    int requestTimeoutMs = 30'000;
    int idleTimeoutMs = 60'000;
    int maxConnectionsPerAddress = 128;
};

} // namespace mp
