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
};

} // namespace mp
