#pragma once

#include "console_section.h"

namespace mp {

// The Dashboard section: job figures and failures at a glance.
ConsoleSection dashboardSection();

} // namespace mp
