#pragma once

#include "console_section.h"

namespace mp {

// The DNS section: zones and their record sets, live.
ConsoleSection dnsSection();

} // namespace mp
