#include "http/guarded_tcp_server.h"

#include <QTcpSocket>

namespace mp {

GuardedTcpServer::GuardedTcpServer(QObject *httpServer, const ConnectionLimits *limits,
                                   ConnectionGuard::BodyLimit bodyLimit)
    : m_httpServer(httpServer), m_limits(limits), m_bodyLimit(std::move(bodyLimit))
{
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    new ConnectionGuard(socket, m_httpServer, *m_limits, m_bodyLimit);
    addPendingConnection(socket);
}

} // namespace mp
