#include "http/connection_guard.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "http/http_errors.h"

#include <QTcpSocket>
#include <QUrl>

namespace mp {

namespace {

// The end of the head (after its blank line), or -1.
qsizetype headEnd(const QByteArray &data)
{
    const qsizetype crlf = data.indexOf("\r\n\r\n");
    const qsizetype lf = data.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 4;
    return lf >= 0 ? lf + 2 : -1;
}

QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, QObject *httpServer, const ConnectionLimits &limits,
                                 BodyLimit bodyLimit)
    : QObject(socket), m_socket(socket), m_httpServer(httpServer), m_limits(limits),
      m_bodyLimit(std::move(bodyLimit))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_timer.start(m_limits.idleTimeoutMs);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::requestComplete()
{
    if (m_state == State::Refused)
        return;
    m_state = State::Handling;
    m_timer.stop();
}

void ConnectionGuard::answered()
{
    if (m_state == State::Refused)
        return;
    m_state = State::Idle;
    m_timer.start(m_limits.idleTimeoutMs);
    if (m_holding) {
        release();
        QMetaObject::invokeMethod(m_socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
    }
}

// Keeps what has arrived from the server: read inside a transaction, so the server's reads find
// nothing, and given back by release().
void ConnectionGuard::holdBack()
{
    if (!m_holding) {
        m_socket->startTransaction();
        m_holding = true;
    }
    m_socket->skip(m_socket->bytesAvailable());
}

void ConnectionGuard::release()
{
    m_socket->rollbackTransaction();
    m_holding = false;
}

void ConnectionGuard::onReadyRead()
{
    switch (m_state) {
    case State::Refused:
        m_socket->skip(m_socket->bytesAvailable()); // read no further into memory
        return;
    case State::ReadingBody:
        return; // announced and within the limit: the server reads it; the request timer runs
    case State::Handling:
        holdBack(); // a pipelined request waits for the answer before it
        return;
    case State::Idle:
    case State::ReadingHead:
        if (m_holding)
            release();
        if (m_socket->bytesAvailable() == 0)
            return; // a readyRead queued after the last answer, with nothing new
        if (m_state == State::Idle) {
            m_state = State::ReadingHead;
            m_timer.start(m_limits.requestTimeoutMs);
        }
        checkHead();
        return;
    }
}

void ConnectionGuard::checkHead()
{
    const QByteArray data = m_socket->peek(m_limits.maxHeadBytes + 1);
    const qsizetype end = headEnd(data);
    if (end < 0 || end > m_limits.maxHeadBytes) {
        if (data.size() > m_limits.maxHeadBytes) {
            refuse(431, HttpResponse::error(431, errors::HeadTooLarge,
                                            QStringLiteral("the request line and headers exceed %1 bytes")
                                                .arg(m_limits.maxHeadBytes)));
            return;
        }
        holdBack();
        return;
    }
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QString method = QString::fromLatin1(requestLine.value(0));
    const QByteArray target = requestLine.value(1);
    const QString path =
        QUrl::fromPercentEncoding(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
    if (!headerValue(lines, "Transfer-Encoding").isEmpty()) {
        refuse(411, HttpResponse::error(411, errors::LengthRequired,
                                        QStringLiteral("send the body with a Content-Length")));
        return;
    }
    const QByteArray lengthText = headerValue(lines, "Content-Length");
    bool ok = true;
    const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
    if (!ok || length < 0) {
        refuse(400, HttpResponse::error(400, errors::InvalidParameter,
                                        QStringLiteral("Content-Length is not a number"),
                                        QStringLiteral("Content-Length")));
        return;
    }
    const qsizetype limit = m_bodyLimit(method, path);
    if (length > limit) {
        refuse(413, HttpResponse::error(413, errors::BodyTooLarge,
                                        QStringLiteral("the request body exceeds %1 bytes").arg(limit)));
        return;
    }
    m_state = State::ReadingBody;
}

void ConnectionGuard::onTimeout()
{
    if (m_state == State::Idle) {
        m_socket->disconnectFromHost();
        return;
    }
    if (m_state == State::ReadingHead || m_state == State::ReadingBody)
        refuse(408,
               HttpResponse::error(
                   408, errors::RequestTimeout,
                   QStringLiteral("the request did not arrive within %1 ms").arg(m_limits.requestTimeoutMs)));
    else if (m_state == State::Refused)
        m_socket->abort(); // the client did not take the answer and close
}

void ConnectionGuard::refuse(int status, const HttpResponse &response)
{
    m_state = State::Refused;
    // The server never reads this connection again: nothing more of the request is buffered.
    if (m_httpServer)
        disconnect(m_socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
    if (m_holding)
        release();
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction(); // the server's, half read: keep none of it
    m_socket->skip(m_socket->bytesAvailable());
    HttpResponse closing = response;
    closing.headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
    m_socket->write(closing.wire());
    m_socket->disconnectFromHost();
    m_timer.start(2000);
    JsonLog::write(
        QStringLiteral("http_refused"),
        {{QStringLiteral("status"), status}, {QStringLiteral("remote"), m_socket->peerAddress().toString()}});
}

} // namespace mp
