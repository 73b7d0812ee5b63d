#include "http/http_server.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "http/guarded_tcp_server.h"
#include "http/http_errors.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>

namespace mp {

HttpServer::HttpServer(QObject *parent) : QAbstractHttpServer(parent) {}

HttpServer::~HttpServer()
{
    // Handlers still running refer to the router: let them finish first.
    if (m_pool)
        m_pool->waitForDone();
}

void HttpServer::setWorkerThreads(int threads)
{
    if (threads <= 0) {
        if (m_pool)
            m_pool->waitForDone();
        m_pool.reset();
        return;
    }
    if (!m_pool) {
        m_pool = std::make_unique<QThreadPool>();
        // Threads keep their database connections: never let an idle one expire.
        m_pool->setExpiryTimeout(-1);
    }
    m_pool->setMaxThreadCount(threads);
}

int HttpServer::workerThreads() const
{
    return m_pool ? m_pool->maxThreadCount() : 0;
}

Result<QPair<QHostAddress, quint16>> HttpServer::parseHostPort(const QString &hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon >= 0 ? hostPort.mid(colon + 1).toUInt(&ok) : 0;
    QString host = colon >= 0 ? hostPort.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    if (!ok || port > 65535 || address.isNull())
        return makeError(errors::InvalidListen,
                         QStringLiteral("expected HOST:PORT such as 127.0.0.1:8080, got '%1'").arg(hostPort),
                         QStringLiteral("MPANEL_LISTEN"));
    return qMakePair(address, quint16(port));
}

void HttpServer::sslSetup(const QSslConfiguration &configuration)
{
    m_tls = true;
    QAbstractHttpServer::sslSetup(configuration);
}

Result<quint16> HttpServer::listenOn(const QString &hostPort)
{
    auto parsed = parseHostPort(hostPort);
    if (!parsed)
        return parsed.error();
    if (m_tls) {
        const quint16 port = listen(parsed->first, parsed->second);
        if (port == 0)
            return makeError(errors::ListenFailed, QStringLiteral("cannot listen on %1").arg(hostPort),
                             QStringLiteral("MPANEL_LISTEN"));
        return port;
    }
    auto *server = new GuardedTcpServer(this, &m_limits, [this](const QString &method, const QString &path) {
        return maxBodyBytes(method, path);
    });
    if (!server->listen(parsed->first, parsed->second)) {
        delete server;
        return makeError(errors::ListenFailed, QStringLiteral("cannot listen on %1").arg(hostPort),
                         QStringLiteral("MPANEL_LISTEN"));
    }
    bind(server);
    return server->serverPort();
}

void HttpServer::stopListening()
{
    const auto tcpServers = servers();
    for (QTcpServer *server : tcpServers)
        server->close();
}

static QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

qsizetype HttpServer::maxBodyBytes(const QString &method, const QString &path) const
{
    const qsizetype route = m_router.maxBodyBytes(method, path);
    return route > 0 ? route : m_maxBodyBytes;
}

HttpResponse HttpServer::respond(HttpRequest &req) const
{
    // ConnectionGuard refused larger announced bodies before reading them; this holds for
    // requests that reach the router another way.
    if (const qsizetype limit = maxBodyBytes(req.method, req.path); req.body.size() > limit)
        return HttpResponse::error(413, errors::BodyTooLarge,
                                   QStringLiteral("the request body exceeds %1 bytes").arg(limit));
    return m_router.dispatch(req);
}

void HttpServer::answer(QTcpSocket *socket, const HttpRequest &req, const HttpResponse &response,
                        qint64 startedNs)
{
    // Written by hand rather than through QHttpServerResponder, which may not outlive the
    // request it was made for: with the worker pool the answer comes after handleRequest returned.
    const QByteArray out = response.wire();
    // One write per answer; no Nagle delay waiting for the client's ACK of the last one.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->write(out);
    if (auto *guard = ConnectionGuard::of(socket))
        guard->answered();

    JsonLog::write(QStringLiteral("http_request"),
                   {{QStringLiteral("method"), req.method},
                    {QStringLiteral("path"), req.path},
                    {QStringLiteral("status"), response.status},
                    {QStringLiteral("ms"), double(startedNs) / 1e6},
                    {QStringLiteral("bytes"), response.body.size()},
                    {QStringLiteral("remote"), req.remoteAddress.toString()}});
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    HttpRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path();
    req.query = request.query();
    req.headers = request.headers();
    req.body = request.body();
    req.remoteAddress = request.remoteAddress();
    if (auto *guard = ConnectionGuard::of(socket))
        guard->requestComplete();

    if (!m_pool) {
        const HttpResponse response = respond(req);
        answer(socket, req, response, timer.nsecsElapsed());
        return true;
    }
    QPointer<QTcpSocket> target(socket);
    m_pool->start([this, req = std::move(req), target, timer]() mutable {
        HttpResponse response = respond(req);
        QMetaObject::invokeMethod(
            this,
            [this, req = std::move(req), response = std::move(response), target, timer] {
                if (target) // the client may have gone while the handler ran
                    answer(target, req, response, timer.nsecsElapsed());
            },
            Qt::QueuedConnection);
    });
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only reached if it ever declines.
    const HttpResponse r = HttpResponse::error(404, errors::NotFound, QStringLiteral("no such endpoint"));
    makeResponder(request, socket).write(r.body, r.contentType, QHttpServerResponder::StatusCode::NotFound);
}

} // namespace mp
