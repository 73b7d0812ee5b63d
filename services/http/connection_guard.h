#pragma once

#include "http/connection_limits.h"
#include "http/http_message.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace mp {

// Watches one connection of the HTTP server and enforces ConnectionLimits in front of
// QAbstractHttpServer, which (in Qt 6.4) buffers any head and any body whole and never times a
// connection out. Its readyRead slot is connected before the server's, so it sees each request's
// head before the server reads any of it: a partial head is held back from the server (inside a
// socket transaction it rolls back on the next read), a head that is too large or announces a
// body over the route's limit is answered here and the connection closed without reading on.
// It also holds back a pipelined request until the one before it was answered, so answers from
// the worker pool keep their order.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    // The largest body `METHOD path` accepts.
    using BodyLimit = std::function<qsizetype(const QString &method, const QString &path)>;

    ConnectionGuard(QTcpSocket *socket, QObject *httpServer, const ConnectionLimits &limits,
                    BodyLimit bodyLimit);

    static ConnectionGuard *of(QTcpSocket *socket);
    // The server has the whole request and hands it to a handler: no timer while it runs.
    void requestComplete();
    // The answer was written: the connection is idle (or the next request goes on).
    void answered();

private:
    enum class State { Idle, ReadingHead, ReadingBody, Handling, Refused };

    void onReadyRead();
    void onTimeout();
    void checkHead();
    void holdBack();
    void release();
    void refuse(int status, const HttpResponse &response);

    QTcpSocket *m_socket;
    QPointer<QObject> m_httpServer;
    ConnectionLimits m_limits;
    BodyLimit m_bodyLimit;
    QTimer m_timer;
    State m_state = State::Idle;
    bool m_holding = false;
};

} // namespace mp
