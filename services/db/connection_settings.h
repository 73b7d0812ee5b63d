#pragma once

#include "core/result.h"

#include <QString>

namespace mp {

// Where and as whom to connect to PostgreSQL. Converts to both Qt Sql (QPSQL) parameters and
// a libpq conninfo string, so the two drivers always reach the same server the same way.
struct ConnectionSettings {
    QString host; // a hostname, or an absolute path to a Unix socket directory
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslmode; // empty: libpq's default
    int connectTimeoutSeconds = 10;
    QString applicationName = QStringLiteral("mpanel");

    // postgresql://user:password@host:port/dbname?sslmode=require (and ?host=/socket/dir)
    static Result<ConnectionSettings> fromUrl(const QString &url);

    QString toConnInfo() const;
    QString qpsqlOptions() const;
    ConnectionSettings withDatabase(const QString &name) const;
    ConnectionSettings withLogin(const QString &login, const QString &secret) const;
    // For logs and the status bar: never includes the password.
    QString describe() const;
};

} // namespace mp
