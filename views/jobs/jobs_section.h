#pragma once

#include "console_section.h"

namespace mp {

// The Jobs section: the job list and log, shown as a tab of Provisioning.
ConsoleSection jobsSection();

} // namespace mp
