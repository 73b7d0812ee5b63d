#pragma once

#include "console_section.h"

namespace mp {

// The Provisioning section: CloudPods, templates, nodes and findings; it hosts other
// sections' pages as tabs (Jobs).
ConsoleSection provisioningSection();

} // namespace mp
