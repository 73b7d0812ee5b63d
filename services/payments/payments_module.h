#pragma once

#include "module/module.h"

namespace mp::payments {

// Stripe payments: the webhook, pay online, refunds; Stripe as a provider.
Module paymentsModule();

} // namespace mp::payments
