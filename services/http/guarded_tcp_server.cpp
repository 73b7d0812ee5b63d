#include "http/guarded_tcp_server.h"

#include "core/json_log.h"
#include "http/http_errors.h"
#include "http/http_message.h"

#include <QTcpSocket>
#include <QTimer>

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
    const QHostAddress address = socket->peerAddress();
    const int cap = m_limits->maxConnectionsPerAddress;
    if (cap > 0 && m_open.value(address) >= cap) {
        refuseOverCap(socket, cap);
        return;
    }
    ++m_open[address];
    // The HTTP server deletes a socket once it disconnects; that ends its count.
    connect(socket, &QObject::destroyed, this, [this, address] {
        if (--m_open[address] <= 0)
            m_open.remove(address);
    });
    new ConnectionGuard(socket, m_httpServer, *m_limits, m_bodyLimit);
    addPendingConnection(socket);
}

void GuardedTcpServer::refuseOverCap(QTcpSocket *socket, int cap)
{
    HttpResponse answer = HttpResponse::error(
        429, errors::TooManyConnections,
        QStringLiteral("this address already has %1 connections open; reuse one or retry later").arg(cap));
    answer.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    answer.headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
    JsonLog::write(
        QStringLiteral("http_refused"),
        {{QStringLiteral("status"), 429}, {QStringLiteral("remote"), socket->peerAddress().toString()}});
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(answer.wire());
    socket->disconnectFromHost();
    // A client that never reads the answer does not keep the socket.
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
}

} // namespace mp
