#include "support/ari_standin.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace mp::test {

bool AriStandIn::start(const QByteArray &pebbleDirectory)
{
    m_directory = QJsonDocument::fromJson(pebbleDirectory).object();
    if (m_directory.isEmpty() || !m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_directory.insert(QStringLiteral("renewalInfo"),
                       QStringLiteral("http://127.0.0.1:%1/renewal-info").arg(m_server.serverPort()));
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    return true;
}

QString AriStandIn::directoryUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/dir").arg(m_server.serverPort());
}

void AriStandIn::setWindow(const QDateTime &start, const QDateTime &end)
{
    m_start = start;
    m_end = end;
}

void AriStandIn::answer(QTcpSocket *socket)
{
    const QByteArray request = socket->property("request").toByteArray() + socket->readAll();
    socket->setProperty("request", request);
    if (!request.contains("\r\n\r\n"))
        return;
    const QList<QByteArray> line = request.left(request.indexOf("\r\n")).split(' ');
    const QByteArray path = line.value(1);
    int status = 404;
    QByteArray body = R"({"type":"urn:ietf:params:acme:error:malformed","detail":"not here"})";
    QByteArray type = "application/problem+json";
    if (line.value(0) == "GET" && path == "/dir") {
        status = 200;
        body = QJsonDocument(m_directory).toJson(QJsonDocument::Compact);
        type = "application/json";
    } else if (line.value(0) == "GET" && path.startsWith("/renewal-info/") && m_start.isValid()) {
        m_asked << QString::fromLatin1(path.mid(int(qstrlen("/renewal-info/"))));
        status = 200;
        body = QJsonDocument(
                   QJsonObject{
                       {QStringLiteral("suggestedWindow"),
                        QJsonObject{{QStringLiteral("start"), m_start.toUTC().toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("end"), m_end.toUTC().toString(Qt::ISODateWithMs)}}}})
                   .toJson(QJsonDocument::Compact);
        type = "application/json";
    }
    socket->write("HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Not Found") +
                  "\r\nContent-Type: " + type + "\r\nRetry-After: 21600\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace mp::test
