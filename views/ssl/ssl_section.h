#pragma once

#include "console_section.h"

namespace mp {

ConsoleSection sslSection();

} // namespace mp
