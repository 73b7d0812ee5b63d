#pragma once

#include "module/module.h"

namespace mp::subscriptions {

// Subscriptions: started by paid orders, renewed, dunned, changed and cancelled.
Module subscriptionsModule();

} // namespace mp::subscriptions
