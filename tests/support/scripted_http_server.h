#pragma once

#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace mp::test {

// A loopback HTTP server that answers each request by the next step of its script, and past the
// end 200 "ok": how a provider client meets a server that is busy, failing or silent.
class ScriptedServer : public QTcpServer {
public:
    enum class Step {
        Unavailable, // 503 "busy"
        ServerError, // 500 "Internal Server Error", as PowerDNS answers when its backend fails
        Ok,          // 200 "ok"
        Hang,        // read the request, never answer
        Drop         // read the request, close the connection without a byte of answer
    };

    explicit ScriptedServer(QList<Step> script);

    int requests() const { return int(m_methods.size()); }
    const QList<QByteArray> &methods() const { return m_methods; }

private:
    void onReadyRead(QTcpSocket *socket);
    static void answer(QTcpSocket *socket, const QByteArray &status, const QByteArray &body);

    QList<Step> m_script;
    QList<QByteArray> m_methods;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace mp::test
