#pragma once

#include "core/result.h"
#include "http/connection_limits.h"
#include "http/router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>

#include <memory>

class QThreadPool;

namespace mp {

// The companion service's HTTP front: QtHttpServer for parsing, our Router for dispatch, one
// JSON log line per request, a body size limit, and JSON errors for everything that goes wrong.
class HttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    Router &router() { return m_router; }
    const Router &router() const { return m_router; }
    // The body limit of every route that declares none (Router::add's maxBodyBytes).
    void setMaxBodyBytes(qsizetype bytes) { m_maxBodyBytes = bytes; }
    qsizetype maxBodyBytes(const QString &method, const QString &path) const;
    // Head size and timeouts, for connections accepted after this call.
    void setConnectionLimits(const ConnectionLimits &limits) { m_limits = limits; }
    // With `threads` > 0, handlers run on a pool of that many threads and the answer is written
    // back on the server's thread; the handlers' database access must then be per thread (as
    // ServiceRuntime::database() is). 0, the default, runs them on the server's thread.
    void setWorkerThreads(int threads);
    int workerThreads() const;

    // TLS for the next listenOn(). Hides QAbstractHttpServer's, so a TLS listener is known here:
    // it is QtHttpServer's own, without ConnectionGuard (only the test emulators serve TLS; the
    // service serves plain HTTP behind whatever terminates TLS).
    void sslSetup(const QSslConfiguration &configuration);

    // "127.0.0.1:8080", "[::1]:0", ":8080". Returns the bound port.
    Result<quint16> listenOn(const QString &hostPort);
    // Stops accepting connections; requests already read still get their answer.
    void stopListening();

    static Result<QPair<QHostAddress, quint16>> parseHostPort(const QString &hostPort);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse respond(HttpRequest &request) const;
    void answer(QTcpSocket *socket, const HttpRequest &request, const HttpResponse &response,
                qint64 startedNs);

    Router m_router;
    std::unique_ptr<QThreadPool> m_pool;
    qsizetype m_maxBodyBytes = 1024 * 1024;
    ConnectionLimits m_limits;
    bool m_tls = false;
};

} // namespace mp
