#include "stripe/stripe_blocking.h"

#include "provider_call/worker_thread_call.h"
#include "stripe/stripe_errors.h"

namespace mp {

StripeResult runStripeCall(const StripeSettings &settings,
                           const std::function<StripeJob *(StripeClient &)> &call,
                           const std::function<bool()> &stopRequested, stripe::StripeError *stripeError)
{
    return runOnWorkerThread<StripeClient, StripeJob>(
        errors::StripeBlockingNotAllowed, QStringLiteral("Stripe"), settings, call, stopRequested,
        errors::StripeInvalidParams, [stripeError](const StripeJob &job) {
            if (stripeError)
                *stripeError = job.stripeError();
        });
}

} // namespace mp
