#include "staff_command.h"

namespace mp::commands {

QString staffActor(const SessionInfo &staff)
{
    return QStringLiteral("staff %1").arg(staff.login);
}

} // namespace mp::commands
