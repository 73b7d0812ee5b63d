#pragma once

#include "console_section.h"

namespace mp {

// The Notifications section: customer mail (outbox) and the tenant's mail settings.
ConsoleSection notificationsSection();

} // namespace mp
