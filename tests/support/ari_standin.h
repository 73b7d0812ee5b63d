#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace mp::test {

// A small ACME directory stand-in for ARI (RFC 9773), which Pebble 2.4 lacks: on 127.0.0.1 over
// plain HTTP it serves Pebble's directory with a renewalInfo URL added (every other URL still
// points at Pebble), and answers GET renewalInfo/<certId> with the window the test set, noting
// each id asked about. Runs on the thread that made it; that thread's event loop must turn
// (QTest::qWait) while a client asks.
class AriStandIn : public QObject {
    Q_OBJECT
public:
    // `pebbleDirectory`: Pebble's /dir as JSON.
    bool start(const QByteArray &pebbleDirectory);
    QString directoryUrl() const;
    void setWindow(const QDateTime &start, const QDateTime &end);
    QStringList askedIds() const { return m_asked; }

private:
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    QJsonObject m_directory;
    QDateTime m_start, m_end;
    QStringList m_asked;
};

} // namespace mp::test
