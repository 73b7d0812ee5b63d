#pragma once

#include "module/module.h"

namespace mp::customers {

// Customers, their sign-up and sign-in.
Module customersModule();

} // namespace mp::customers
