#include "tenancy/staff_accounts.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/pg_connection.h"
#include "tenancy/tenancy_errors.h"

#include <QRegularExpression>
#include <QUuid>

namespace mp {

Status StaffAccounts::validateLogin(const QString &login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_.-]{1,62}$"));
    if (!pattern.match(login).hasMatch())
        return makeError(
            errors::InvalidLogin,
            QStringLiteral("a login is 2 to 63 characters: lowercase letters, digits, '_', '.', '-', "
                           "starting with a letter"),
            QStringLiteral("login"));
    if (login.startsWith(QLatin1String("pg_")) || login.startsWith(QLatin1String("mpanel")) ||
        login == QLatin1String("postgres"))
        return makeError(errors::InvalidLogin, QStringLiteral("'%1' is reserved").arg(login),
                         QStringLiteral("login"));
    return {};
}

static Status validatePassword(const QString &password)
{
    if (password.size() < 12)
        return makeError(errors::WeakPassword, QStringLiteral("a password needs at least 12 characters"),
                         QStringLiteral("password"));
    return {};
}

Status StaffAccounts::add(PgConnection &admin, const QString &tenantId, const QString &login, StaffRole role,
                          const QString &password)
{
    if (auto s = validateLogin(login); !s)
        return s;
    if (auto s = validatePassword(password); !s)
        return s;
    if (!isUuid(tenantId))
        return makeError(errors::InvalidTenant, QStringLiteral("not a tenant id: %1").arg(tenantId),
                         QStringLiteral("tenant"));
    auto tenant = admin.query(QStringLiteral("SELECT 1 FROM tenants WHERE id = $1"), {tenantId});
    if (!tenant)
        return tenant.error();
    if (tenant->isEmpty())
        return makeError(errors::NotFound, QStringLiteral("no tenant %1").arg(tenantId),
                         QStringLiteral("tenant"));
    auto exists = admin.query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), {login});
    if (!exists)
        return exists.error();
    if (!exists->isEmpty())
        return makeError(errors::LoginTaken, QStringLiteral("the login '%1' already exists").arg(login),
                         QStringLiteral("login"));
    auto verifier = admin.scramVerifier(login, password);
    if (!verifier)
        return verifier.error();

    const QString script =
        QStringLiteral("BEGIN;"
                       "CREATE ROLE %1 LOGIN PASSWORD %2 IN ROLE mpanel_staff;"
                       "INSERT INTO staff (tenant_id, login, role) VALUES (%3, %4, %5);"
                       "COMMIT;")
            .arg(admin.quoteIdentifier(login), admin.quoteLiteral(verifier.value()),
                 admin.quoteLiteral(tenantId), admin.quoteLiteral(login), admin.quoteLiteral(toString(role)));
    if (auto s = admin.exec(script); !s) {
        (void)admin.exec(QStringLiteral("ROLLBACK"));
        return s;
    }
    return {};
}

Status StaffAccounts::setPassword(PgConnection &admin, const QString &login, const QString &password)
{
    if (auto s = validatePassword(password); !s)
        return s;
    auto verifier = admin.scramVerifier(login, password);
    if (!verifier)
        return verifier.error();
    return admin.exec(QStringLiteral("ALTER ROLE %1 PASSWORD %2")
                          .arg(admin.quoteIdentifier(login), admin.quoteLiteral(verifier.value())));
}

} // namespace mp

namespace mp {

Result<int> StaffAccounts::deactivate(PgConnection &admin, const QString &login)
{
    if (auto s = validateLogin(login); !s)
        return s.error();
    auto staff = admin.query(QStringLiteral("SELECT id FROM staff WHERE login = $1"), {login});
    if (!staff)
        return staff.error();
    if (staff->isEmpty())
        return makeError(errors::NotFound, QStringLiteral("no staff member signs in as '%1'").arg(login),
                         QStringLiteral("login"));
    const QString id = staff->first().value(0);
    const QString script =
        QStringLiteral("BEGIN;"
                       "UPDATE staff SET active = false WHERE id = %1;"
                       "UPDATE api_tokens SET revoked_at = now() WHERE staff_id = %1 AND revoked_at IS NULL;"
                       "ALTER ROLE %2 NOLOGIN;"
                       "COMMIT;")
            .arg(admin.quoteLiteral(id), admin.quoteIdentifier(login));
    auto before = admin.query(
        QStringLiteral("SELECT count(*) FROM api_tokens WHERE staff_id = $1 AND revoked_at IS NULL"), {id});
    if (!before)
        return before.error();
    if (auto s = admin.exec(script); !s) {
        (void)admin.exec(QStringLiteral("ROLLBACK"));
        return s.error();
    }
    // Sessions already open would keep working until they end: end them.
    if (auto s = admin.query(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                            "WHERE usename = $1 AND pid <> pg_backend_pid()"),
                             {login});
        !s)
        return s.error();
    return before->first().value(0).toInt();
}

} // namespace mp
