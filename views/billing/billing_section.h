#pragma once

#include "console_section.h"

namespace mp {

// The Billing section: invoices, orders and their totals.
ConsoleSection billingSection();

} // namespace mp
