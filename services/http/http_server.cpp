#include "http/http_server.h"

#include "core/json_log.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpServer>
#include <QTcpSocket>

namespace mp {

HttpServer::HttpServer(QObject *parent) : QAbstractHttpServer(parent) {}

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
        return makeError(QStringLiteral("invalid_listen"),
                         QStringLiteral("expected HOST:PORT such as 127.0.0.1:8080, got '%1'").arg(hostPort),
                         QStringLiteral("MPANEL_LISTEN"));
    return qMakePair(address, quint16(port));
}

Result<quint16> HttpServer::listenOn(const QString &hostPort)
{
    auto parsed = parseHostPort(hostPort);
    if (!parsed)
        return parsed.error();
    const quint16 port = listen(parsed->first, parsed->second);
    if (port == 0)
        return makeError(QStringLiteral("listen_failed"), QStringLiteral("cannot listen on %1").arg(hostPort),
                         QStringLiteral("MPANEL_LISTEN"));
    return port;
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

    HttpResponse response;
    if (req.body.size() > m_maxBodyBytes)
        response =
            HttpResponse::error(413, QStringLiteral("body_too_large"),
                                QStringLiteral("the request body exceeds %1 bytes").arg(m_maxBodyBytes));
    else
        response = m_router.dispatch(req);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[key, value] : std::as_const(response.headers))
        responder.writeHeader(key, value);
    responder.writeBody(response.body);

    JsonLog::write(QStringLiteral("http_request"),
                   {{QStringLiteral("method"), req.method},
                    {QStringLiteral("path"), req.path},
                    {QStringLiteral("status"), response.status},
                    {QStringLiteral("ms"), double(timer.nsecsElapsed()) / 1e6},
                    {QStringLiteral("bytes"), response.body.size()},
                    {QStringLiteral("remote"), req.remoteAddress.toString()}});
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only reached if it ever declines.
    const HttpResponse r =
        HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));
    makeResponder(request, socket).write(r.body, r.contentType, QHttpServerResponder::StatusCode::NotFound);
}

} // namespace mp
