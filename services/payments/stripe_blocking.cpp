#include "payments/stripe_blocking.h"

#include "core/worker_thread_call.h"
#include "payments/payment_errors.h"

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
