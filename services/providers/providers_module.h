#pragma once

#include "module/module.h"

namespace mp::providers {

// GET /api/system/providers: what every declared provider answers.
Module providersModule();

} // namespace mp::providers
