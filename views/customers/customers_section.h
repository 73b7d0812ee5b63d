#pragma once

#include "console_section.h"

namespace mp {

// The Customers section: the customer list and one customer's detail.
ConsoleSection customersSection();

} // namespace mp
