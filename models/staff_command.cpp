#include "staff_command.h"

namespace mp::commands {

QString staffActor(const SessionInfo &staff)
{
    return QStringLiteral("staff %1").arg(staff.login);
}

Status mayWrite(const SessionInfo &staff)
{
    if (canWrite(staff.role))
        return {};
    return makeError(errors::Forbidden, QStringLiteral("your role is read-only: it may not change anything"));
}

Status mayTake(const SessionInfo &staff, StaffAction action)
{
    if (auto writes = mayWrite(staff); !writes)
        return writes;
    return RoleMatrix::require(staff.role, action);
}

} // namespace mp::commands
