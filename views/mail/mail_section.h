#pragma once

#include "console_section.h"

namespace mp {

ConsoleSection mailSection();

} // namespace mp
