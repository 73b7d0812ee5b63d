#pragma once

#include "core/result.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mp::test {

// A throwaway PowerDNS Authoritative server for one test binary: the sqlite3 backend in a
// temporary directory, the HTTP API on, DNS and API on free loopback ports, no query ever
// leaving the machine (security-poll-suffix= empty, no NOTIFY), no caches (a test reads back
// at once what it just wrote). Run as the pdns user when the test runs as root.
// Packages: pdns-server pdns-backend-sqlite3 sqlite3 (bind9-dnsutils for dig()).
class PdnsServer {
public:
    PdnsServer();
    ~PdnsServer(); // stops the server and removes its directory

    Status start();
    void stop();

    bool running() const;
    quint16 dnsPort() const { return m_dnsPort; }
    quint16 apiPort() const { return m_apiPort; }
    QString apiBase() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_apiPort); }
    QString apiKey() const { return m_apiKey; }

    // `dig @127.0.0.1 -p PORT +norec +short NAME TYPE [extra]`, one answer per line, sorted.
    QStringList dig(const QString &name, const QString &type, const QStringList &extra = {}) const;
    // The full answer (`dig +norec +noall +answer ...`), for flags and RRSIGs.
    QString digAnswer(const QString &name, const QString &type, const QStringList &extra = {}) const;

private:
    Status launch();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_dnsPort = 0;
    quint16 m_apiPort = 0;
    QString m_apiKey;
};

} // namespace mp::test
