#pragma once

#include "console_section_registry.h"

namespace mp {

// The console's sections: the one list of them, one line per module.
ConsoleSections consoleSections();

} // namespace mp
