#include "stripe/stripe_blocking.h"

#include "provider_call/worker_thread_call.h"

namespace mp {

StripeResult runStripeCall(const StripeSettings &settings,
                           const std::function<StripeJob *(StripeClient &)> &call,
                           const std::function<bool()> &stopRequested, stripe::StripeError *stripeError)
{
    return runOnWorkerThread<StripeClient, StripeJob>(
        QStringLiteral("stripe"), QStringLiteral("Stripe"), settings, call, stopRequested,
        QStringLiteral("stripe_invalid_params"), [stripeError](const StripeJob &job) {
            if (stripeError)
                *stripeError = job.stripeError();
        });
}

} // namespace mp
