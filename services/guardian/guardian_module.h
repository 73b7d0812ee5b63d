#pragma once

#include "module/module.h"

namespace mp::guardian {

Module guardianModule();

} // namespace mp::guardian
