#include "provider_commands.h"

#include "payment_commands.h"

namespace mp::commands {

void loadProviders(ConsoleSession *session, QObject *context, Reply<providers::ProviderOverview> reply)
{
    runStaffCommand(
        session, context,
        [config = paymentConfig()](TenantTransaction &tx) {
            return providers::Providers::overview(tx, config);
        },
        std::move(reply));
}

} // namespace mp::commands
