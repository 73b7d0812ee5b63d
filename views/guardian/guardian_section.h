#pragma once

#include "console_section.h"

namespace mp {

// The Guardian section: scans, findings by severity with their evidence, the remediation queue
// with approve and dismiss, and the blocks in force.
ConsoleSection guardianSection();

} // namespace mp
