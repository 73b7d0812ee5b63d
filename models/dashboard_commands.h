#pragma once

#include "dashboard/business_overview.h"
#include "staff_command.h"

namespace mp::commands {

// The Dashboard's business figures (dashboard::BusinessOverview) on the session's clock.
void loadBusinessOverview(ConsoleSession *session, QObject *context,
                          Reply<dashboard::BusinessOverview> reply);

} // namespace mp::commands
