#pragma once

#include "module/module.h"

namespace mp::portal {

// The customer portal: the web front customers use in a browser, served by the service itself.
Module portalModule();

} // namespace mp::portal
