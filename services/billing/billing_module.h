#pragma once

#include "module/module.h"

namespace mp::billing {

// Checkout, orders, invoices and credit notes.
Module billingModule();

} // namespace mp::billing
