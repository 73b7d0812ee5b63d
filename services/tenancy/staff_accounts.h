#pragma once

#include "core/result.h"
#include "tenancy/staff_role.h"

#include <QString>

namespace mp {

class PgConnection;

// Staff sign in to the console with their own PostgreSQL login (SCRAM). Adding one creates the
// login role, makes it a member of mpanel_staff and maps it to a tenant and role, in one
// transaction. Needs a connection allowed to create roles (the schema owner).
class StaffAccounts {
public:
    static Status validateLogin(const QString &login);
    static Status add(PgConnection &admin, const QString &tenantId, const QString &login, StaffRole role,
                      const QString &password);
    static Status setPassword(PgConnection &admin, const QString &login, const QString &password);
    // Cuts a staff member off, in one transaction: marked inactive (the console's tenant and role
    // functions stop answering for them), every API token made for them revoked, their login
    // unable to sign in; then their open sessions are ended. Returns how many tokens it revoked.
    static Result<int> deactivate(PgConnection &admin, const QString &login);
};

} // namespace mp
