#pragma once

#include "console_section.h"

namespace mp {

// The Monitoring section: node charts and the checks' status board, live.
ConsoleSection monitoringSection();

} // namespace mp
