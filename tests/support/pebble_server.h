#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mp::test {

// A throwaway Pebble (ACME test CA) with pebble-challtestsrv as its DNS, started once per test
// binary by the project's script (tests/servers/pebble-server) on free loopback ports. Every
// name resolves to 127.0.0.1, so Pebble validates HTTP-01 on 127.0.0.1:<http01Port>: the port
// of the service under test (its /.well-known/acme-challenge/ route), or challtestsrv's own
// responder when `challtestsrvAnswersHttp01` (tokens through addHttp01()).
// Packages: pebble, openssl, curl, python3.
class PebbleServer {
public:
    struct Options {
        quint16 http01Port = 0; // 0: a free one
        bool challtestsrvAnswersHttp01 = false;
        int certificateValiditySeconds = 7776000;
        int nonceRejectPercent = 0;
        QString dnsServer; // "127.0.0.1:PORT" Pebble resolves through; empty: challtestsrv
    };

    PebbleServer() = default;
    ~PebbleServer(); // stops both servers and removes their directory

    Status start(const Options &options);
    void stop();

    QString directoryUrl() const { return m_values.value(QStringLiteral("PEBBLE_DIRECTORY")); }
    QString tlsCaFile() const { return m_values.value(QStringLiteral("PEBBLE_TLS_CA")); } // Pebble's HTTPS
    QString rootFile() const { return m_values.value(QStringLiteral("PEBBLE_ROOT")); }    // the issuing root
    QString intermediateFile() const { return m_values.value(QStringLiteral("PEBBLE_INTERMEDIATE")); }
    quint16 http01Port() const
    {
        return quint16(m_values.value(QStringLiteral("PEBBLE_HTTP01_PORT")).toUInt());
    }

    // Pebble's management API: a certificate's status ("Valid", "Revoked") by its hex serial,
    // and the directory as JSON (for a stand-in that adds to it).
    QString certificateStatus(const QString &serialHex) const;
    QByteArray directoryJson() const;
    // challtestsrv's HTTP-01 responder serves `keyAuthorization` for `token`.
    Status addHttp01(const QString &token, const QString &keyAuthorization) const;
    // `openssl verify -CAfile root -untrusted intermediate` of the leaf in `pemFile`: "" when it
    // verifies, else openssl's words.
    QString verify(const QString &pemFile) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QHash<QString, QString> m_values;
};

} // namespace mp::test
