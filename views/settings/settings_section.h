#pragma once

#include "console_section.h"

namespace mp {

ConsoleSection settingsSection();

} // namespace mp
