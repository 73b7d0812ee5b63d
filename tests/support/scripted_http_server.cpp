#include "support/scripted_http_server.h"

namespace mp::test {

ScriptedServer::ScriptedServer(QList<Step> script) : m_script(std::move(script))
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        }
    });
    listen(QHostAddress::LocalHost);
}

void ScriptedServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        m_methods.append(buffer.left(buffer.indexOf(' ')));
        buffer.remove(0, headerEnd + 4 + length);
        const Step step = m_methods.size() <= m_script.size() ? m_script.at(m_methods.size() - 1) : Step::Ok;
        switch (step) {
        case Step::Unavailable:
            answer(socket, "503 Service Unavailable", "busy");
            break;
        case Step::ServerError:
            answer(socket, "500 Internal Server Error", "Internal Server Error");
            break;
        case Step::Ok:
            answer(socket, "200 OK", "ok");
            break;
        case Step::Hang:
            break;
        case Step::Drop:
            m_buffers.remove(socket);
            socket->abort();
            socket->deleteLater();
            return;
        }
    }
}

void ScriptedServer::answer(QTcpSocket *socket, const QByteArray &status, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

} // namespace mp::test
