#pragma once

#include "module/module.h"

namespace mp::catalog {

// The catalog: products, CloudPod templates and TLD prices, and the product types that have no
// module of their own yet.
Module catalogModule();

} // namespace mp::catalog
