#pragma once

#include "core/result.h"
#include "tenancy/staff_role.h"

#include <QSqlDatabase>
#include <QString>

namespace mp {

struct TokenIdentity {
    qint64 tokenId = 0;
    QString tenantId;
    StaffRole role = StaffRole::ReadOnly;
};

// Bearer tokens for the REST API. A token is 32 random bytes shown once ("mpt_" + base64url);
// only its SHA-256 is stored. A slow hash buys nothing for 256 random bits, and lookups must
// be one index probe per request.
class ApiTokens {
public:
    static Result<QString> create(const QSqlDatabase &db, const QString &tenantId, StaffRole role,
                                  const QString &label = {});
    // A token of the staff member signing in as `login`, in their tenant and with their role; it
    // stops working when they are deactivated.
    static Result<QString> createForStaff(const QSqlDatabase &db, const QString &login,
                                          const QString &label = {});
    // Runs on the service's own connection: the tenant is what we are trying to learn.
    static Result<TokenIdentity> authenticate(const QSqlDatabase &db, const QString &token);
    // Not found when no token has this id (or it was revoked already).
    static Status revoke(const QSqlDatabase &db, qint64 tokenId);
    static QByteArray hash(const QString &token);
};

} // namespace mp
