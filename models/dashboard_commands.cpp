#include "dashboard_commands.h"

#include "core/clock.h"

namespace mp::commands {

void loadBusinessOverview(ConsoleSession *session, QObject *context, Reply<dashboard::BusinessOverview> reply)
{
    runStaffCommand(
        session, context,
        [](TenantTransaction &tx) { return dashboard::BusinessOverview::load(tx, Clock::current().now()); },
        std::move(reply));
}

} // namespace mp::commands
