#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

class QTcpSocket;

namespace mp::test {

// One keep-alive HTTP/1.1 connection driven with blocking socket calls, for load from plain
// threads (std::thread, no event loop): concurrency tests and the webhook benchmark's sender.
class BlockingHttpConnection {
public:
    BlockingHttpConnection(QString host, quint16 port);
    ~BlockingHttpConnection();

    struct Reply {
        int status = 0; // 0: no answer
        QByteArray body;
    };
    // Reconnects once when the server closed the connection in between.
    Reply post(const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers,
               const QByteArray &body, int timeoutMs = 30000);

private:
    bool ensureConnected(int timeoutMs);
    Reply exchange(const QByteArray &request, int timeoutMs);

    QString m_host;
    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
};

} // namespace mp::test
