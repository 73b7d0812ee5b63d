#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QString>
#include <QStringList>

namespace mp {

// A private PostgreSQL cluster that mPanel runs itself when no database is configured: initdb
// and pg_ctl from the installed server binaries, a Unix socket in its own directory and no TCP
// port. The console and the service both "start or join" it, so whichever starts first owns
// the start and the other connects. It keeps running after they exit (like any database);
// `mpanel-service db stop` stops it.
class EmbeddedCluster {
public:
    struct Options {
        QString directory;   // holds data/, run/ (the socket) and postgres.log
        bool durable = true; // false in tests: fsync off, no initdb sync
        QString superuser = QStringLiteral("mpanel");
        int tcpPort = 0; // 0: socket only (the product); tests also listen on 127.0.0.1
    };

    explicit EmbeddedCluster(Options options);

    // Creates the cluster if it does not exist, starts it if it is not running, and waits until
    // it accepts connections. Safe to call from several processes at once.
    Status ensureRunning();
    Status stop();
    bool isRunning() const;
    // True when the last ensureRunning() created the cluster (first start).
    bool createdNow() const { return m_created; }

    QString dataDirectory() const;
    QString socketDirectory() const;
    QString logFile() const;
    ConnectionSettings superuserSettings(const QString &database) const;

    // The directory of initdb/pg_ctl: MPANEL_PG_BIN, else the newest /usr/lib/postgresql/N/bin.
    static Result<QString> serverBinDirectory();

private:
    Status runServerTool(const QString &tool, const QStringList &args, int timeoutMs,
                         QString *output = nullptr) const;
    Status initialise();
    Status waitUntilAccepting(int timeoutMs) const;
    Options m_options;
    QString m_bin;
    bool m_created = false;
};

} // namespace mp
