#include "namesilo/namesilo_blocking.h"

#include "namesilo/namesilo_errors.h"
#include "provider_call/worker_thread_call.h"

namespace mp {

NamesiloResult runNamesiloCall(const NamesiloSettings &settings,
                               const std::function<NamesiloCall *(NamesiloClient &)> &call,
                               const std::function<bool()> &stopRequested, int *replyCode)
{
    if (replyCode)
        *replyCode = 0;
    return runOnWorkerThread<NamesiloClient, NamesiloCall>(
        errors::NamesiloBlockingNotAllowed, QStringLiteral("Namesilo"), settings, call, stopRequested,
        errors::NamesiloInvalidSettings, [replyCode](const NamesiloCall &job) {
            if (replyCode)
                *replyCode = job.replyCode();
        });
}

} // namespace mp
