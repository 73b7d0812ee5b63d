#include "powerdns/powerdns_blocking.h"

#include "powerdns/powerdns_errors.h"
#include "provider_call/worker_thread_call.h"

namespace mp {

PowerDnsResult runPowerDnsCall(const PowerDnsSettings &settings,
                               const std::function<PowerDnsCall *(PowerDnsClient &)> &call,
                               const std::function<bool()> &stopRequested)
{
    return runOnWorkerThread<PowerDnsClient, PowerDnsCall>(
        errors::PowerdnsBlockingNotAllowed, QStringLiteral("PowerDNS"), settings, call, stopRequested,
        errors::PowerdnsInvalidSettings, {});
}

} // namespace mp
