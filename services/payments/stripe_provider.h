#pragma once

#include "core/result.h"
#include "module/provider_source.h"
#include "stripe/stripe_settings.h"

namespace mp::payments {

// Stripe as `settings` configure it; a configuration error is "off" with the error as detail.
ProviderStatus stripeStatus(const Result<StripeSettings> &settings);
// Stripe as the payments module declares it for the provider overview.
ProviderSource stripeProviderSource();

} // namespace mp::payments
