#pragma once

#include "console_section.h"

namespace mp {

// The Catalog section: products, CloudPod templates and domain prices.
ConsoleSection catalogSection();

} // namespace mp
