#pragma once

#include "http/connection_guard.h"

#include <QTcpServer>

namespace mp {

// The listening socket of HttpServer: every connection it accepts gets its ConnectionGuard
// before QAbstractHttpServer sees it, so the guard's slots run first.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    // `limits` is read for each new connection, so a change applies to the next one.
    GuardedTcpServer(QObject *httpServer, const ConnectionLimits *limits,
                     ConnectionGuard::BodyLimit bodyLimit);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QObject *m_httpServer;
    const ConnectionLimits *m_limits;
    ConnectionGuard::BodyLimit m_bodyLimit;
};

} // namespace mp
