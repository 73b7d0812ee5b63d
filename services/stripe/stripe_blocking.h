#pragma once

#include "stripe/stripe_client.h"

#include <functional>

namespace mp {

// For job-engine workers, which are plain threads whose handlers return a Status: makes one
// Stripe call and waits for it. It builds a StripeClient (and its QNetworkAccessManager) on the
// calling thread and runs that thread's only event loop until the job finishes.
//
// It refuses (stripe_blocking_not_allowed) on the application's main thread and on any thread
// already inside an event loop: there it would be a nested event loop, which the house rules
// forbid; use StripeClient's jobs there. `stopRequested`, polled every 100 ms, aborts the call
// (a job's cancel or the service's shutdown).
StripeResult runStripeCall(const StripeSettings &settings,
                           const std::function<StripeJob *(StripeClient &)> &call,
                           const std::function<bool()> &stopRequested = {},
                           stripe::StripeError *stripeError = nullptr);

} // namespace mp
