#include "console_session/staff_session.h"

#include "console_session/session_errors.h"
#include "core/errors.h"
#include "db/sql.h"

#include <QAtomicInt>
#include <QSqlDatabase>

namespace mp {

namespace {

// libpq reports a refused login only as text, without a SQLSTATE (QPSQL's nativeErrorCode is
// empty for a failed connect), so the server's wording is all there is. English servers (the
// embedded cluster runs with lc_messages C) say one of these; a server that answers in another
// language is treated as unreachable, which only means the console keeps retrying.
bool isAuthenticationFailure(const Error &error)
{
    if (sql::hasSqlState(error, "28P01") || sql::hasSqlState(error, "28000"))
        return true;
    for (const auto *phrase : {"authentication failed", "no pg_hba.conf entry", "password authentication"}) {
        if (error.message.contains(QLatin1String(phrase), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString uniqueConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("mpanel-staff-session-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error notStaff(const QString &login)
{
    return makeError(errors::NotStaff,
                     QStringLiteral("%1: this login is not an mPanel staff account").arg(login),
                     QStringLiteral("login"));
}

} // namespace

StaffSession::~StaffSession()
{
    close();
}

Result<SessionInfo> StaffSession::signIn(const ConnectionSettings &server, const QString &login,
                                         const QString &password, bool embedded)
{
    close();
    m_settings = server.withLogin(login, password);
    m_info = SessionInfo{};
    m_info.login = login;
    m_info.embedded = embedded;
    m_info.serverDescription = server.withLogin(login, {}).describe();
    auto opened = open();
    if (!opened)
        close();
    return opened;
}

Result<SessionInfo> StaffSession::open()
{
    if (m_connectionName.isEmpty())
        m_connectionName = uniqueConnectionName();
    auto db = sql::open(m_settings, m_connectionName);
    if (!db) {
        Error error = db.error();
        if (isAuthenticationFailure(error))
            error = makeError(errors::AuthenticationFailed, error.message, error.field);
        return error;
    }
    // A login outside mpanel_staff may not even read `tenants`; an inactive or unmapped one sees
    // no row. Both mean the same to the person signing in.
    auto rows =
        sql::exec(db.value(), QStringLiteral("SELECT t.id, t.name, mpanel_staff_role() FROM tenants t"));
    if (!rows) {
        if (sql::hasSqlState(rows.error(), sql::InsufficientPrivilege))
            return notStaff(m_settings.user);
        return rows.error();
    }
    QSqlQuery &query = rows.value();
    if (!query.next())
        return notStaff(m_settings.user);
    const auto role = staffRoleFromString(query.value(2).toString());
    if (!role)
        return notStaff(m_settings.user);
    m_info.tenantId = query.value(0).toString();
    m_info.tenantName = query.value(1).toString();
    m_info.role = *role;
    m_signedIn = true;
    return m_info;
}

Status StaffSession::ping()
{
    if (!m_signedIn)
        return makeError(errors::NotSignedIn, QStringLiteral("no one is signed in"));
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return makeError(errors::DatabaseUnreachable, QStringLiteral("the connection is closed"));
    auto rows = sql::exec(db, QStringLiteral("SELECT 1"));
    if (!rows)
        return rows.error();
    return {};
}

QSqlDatabase StaffSession::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<SessionInfo> StaffSession::reconnect()
{
    if (m_settings.user.isEmpty())
        return makeError(errors::NotSignedIn, QStringLiteral("no one is signed in"));
    m_signedIn = false;
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::database(m_connectionName, false).close();
    return open();
}

void StaffSession::close()
{
    m_signedIn = false;
    if (m_connectionName.isEmpty())
        return;
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_connectionName.clear();
}

} // namespace mp
