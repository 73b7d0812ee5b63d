#include "support/blocking_http.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace mp::test {

BlockingHttpConnection::BlockingHttpConnection(QString host, quint16 port)
    : m_host(std::move(host)), m_port(port)
{
}

BlockingHttpConnection::~BlockingHttpConnection() = default;

bool BlockingHttpConnection::ensureConnected(int timeoutMs)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return true;
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(m_host, m_port);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return m_socket->waitForConnected(timeoutMs);
}

BlockingHttpConnection::Reply BlockingHttpConnection::exchange(const QByteArray &request, int timeoutMs)
{
    Reply reply;
    if (!ensureConnected(timeoutMs))
        return reply;
    m_socket->write(request);
    QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer;
    qsizetype headerEnd = -1;
    qint64 contentLength = -1;
    while (!deadline.hasExpired()) {
        if (m_socket->bytesAvailable() == 0 &&
            !m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        buffer += m_socket->readAll();
        if (headerEnd < 0) {
            headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                continue;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            reply.status = statusLine.value(1).toInt();
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0 &&
                    line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                    contentLength = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (contentLength < 0)
                contentLength = 0;
        }
        if (buffer.size() - (headerEnd + 4) >= contentLength) {
            reply.body = buffer.mid(headerEnd + 4, contentLength);
            return reply;
        }
    }
    reply.status = 0;
    m_socket.reset();
    return reply;
}

BlockingHttpConnection::Reply
BlockingHttpConnection::post(const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers,
                             const QByteArray &body, int timeoutMs)
{
    QByteArray request =
        "POST " + path + " HTTP/1.1\r\nHost: " + m_host.toLatin1() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[key, value] : headers)
        request += key + ": " + value + "\r\n";
    request += "\r\n" + body;
    const bool wasConnected = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    Reply reply = exchange(request, timeoutMs);
    if (reply.status == 0 && wasConnected) // a keep-alive connection the server had closed
        reply = exchange(request, timeoutMs);
    return reply;
}

} // namespace mp::test
