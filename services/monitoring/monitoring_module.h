#pragma once

#include "module/module.h"

namespace mp::monitoring {

Module monitoringModule();

} // namespace mp::monitoring
