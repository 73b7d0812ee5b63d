#pragma once

#include "core/result.h"
#include "db/connection_settings.h"
#include "tenancy/staff_role.h"

#include <QSqlDatabase>
#include <QString>

namespace mp {

// Who is signed in to the console, as the database sees it.
struct SessionInfo {
    QString login;
    QString tenantId;
    QString tenantName;
    StaffRole role = StaffRole::ReadOnly;
    QString serverDescription; // host:port/database or the socket; never the password
    bool embedded = false;
};

// A staff member's own PostgreSQL connection (SCRAM), opened with their login and password.
// Row-level security shows a staff login only its own tenant, so the tenant and role are read
// from what the server lets this login see rather than trusted from the client.
//
// Thread-affine: a QSqlDatabase belongs to the thread that opened it, so signIn(), ping(),
// reconnect() and close() must all run on one thread (ConsoleSession gives it its own).
class StaffSession {
public:
    StaffSession() = default;
    ~StaffSession();
    StaffSession(const StaffSession &) = delete;
    StaffSession &operator=(const StaffSession &) = delete;

    // `server` names where to connect (host or socket directory, port, database); its user and
    // password are replaced by `login` and `password`.
    Result<SessionInfo> signIn(const ConnectionSettings &server, const QString &login,
                               const QString &password, bool embedded = false);
    // A cheap round trip: fails when the connection has dropped.
    Status ping();
    // Reopens the connection with the same credentials and re-reads tenant and role (an
    // account deactivated meanwhile is refused now, not at the next query).
    Result<SessionInfo> reconnect();
    void close();

    bool isSignedIn() const { return m_signedIn; }
    const SessionInfo &info() const { return m_info; }
    // The signed-in staff member's settings, for connections other threads open later.
    const ConnectionSettings &settings() const { return m_settings; }
    // The open connection; only valid on the session's thread.
    QSqlDatabase database() const;

private:
    Result<SessionInfo> open();
    QString m_connectionName;
    ConnectionSettings m_settings;
    SessionInfo m_info;
    bool m_signedIn = false;
};

} // namespace mp
