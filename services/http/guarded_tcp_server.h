#pragma once

#include "http/connection_guard.h"

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

namespace mp {

// The listening socket of HttpServer: every connection it accepts gets its ConnectionGuard
// before QAbstractHttpServer sees it, so the guard's slots run first. It also counts the open
// connections of each client address and answers one over the cap with 429 itself: such a
// connection never reaches the HTTP server.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    // `limits` is read for each new connection, so a change applies to the next one.
    GuardedTcpServer(QObject *httpServer, const ConnectionLimits *limits,
                     ConnectionGuard::BodyLimit bodyLimit);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void refuseOverCap(QTcpSocket *socket, int cap);

    QHash<QHostAddress, int> m_open;
    QObject *m_httpServer;
    const ConnectionLimits *m_limits;
    ConnectionGuard::BodyLimit m_bodyLimit;
};

} // namespace mp
