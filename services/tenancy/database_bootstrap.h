#pragma once

#include "core/config.h"
#include "core/result.h"
#include "db/connection_settings.h"

namespace mp {

// Where the executables' database is, after the embedded default has been taken care of.
struct DatabaseTarget {
    ConnectionSettings settings; // the service's own (schema-owner) login
    bool embedded = false;
    QString ownerCredentialsFile; // embedded only: the first owner's login and password (0600)
};

struct StaffCredentials {
    QString login;
    QString password;
};

// Resolves the database both executables use. With MPANEL_DATABASE_URL it only parses it. With
// none, it starts or joins the private cluster under the data directory, creates the `mpanel`
// database, applies migrations, and on first start creates a first tenant and its owner, whose
// generated password is written to a file only the user can read.
class DatabaseBootstrap {
public:
    static Result<DatabaseTarget> resolve(const Config &config);
    static Result<StaffCredentials> readCredentials(const QString &file);
    static QString embeddedDatabaseName() { return QStringLiteral("mpanel"); }
};

} // namespace mp
