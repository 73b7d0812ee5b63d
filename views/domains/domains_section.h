#pragma once

#include "console_section.h"

namespace mp {

ConsoleSection domainsSection();

} // namespace mp
