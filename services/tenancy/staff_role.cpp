#include "tenancy/staff_role.h"

namespace mp {

std::optional<StaffRole> staffRoleFromString(QStringView text)
{
    if (text == u"owner")
        return StaffRole::Owner;
    if (text == u"admin")
        return StaffRole::Admin;
    if (text == u"billing")
        return StaffRole::Billing;
    if (text == u"support")
        return StaffRole::Support;
    if (text == u"read_only" || text == u"read-only")
        return StaffRole::ReadOnly;
    return std::nullopt;
}

QString toString(StaffRole role)
{
    switch (role) {
    case StaffRole::Owner:
        return QStringLiteral("owner");
    case StaffRole::Admin:
        return QStringLiteral("admin");
    case StaffRole::Billing:
        return QStringLiteral("billing");
    case StaffRole::Support:
        return QStringLiteral("support");
    case StaffRole::ReadOnly:
        return QStringLiteral("read_only");
    }
    return {};
}

bool canWrite(StaffRole role)
{
    return role != StaffRole::ReadOnly;
}

} // namespace mp
