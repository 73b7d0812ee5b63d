#pragma once

#include "providers/provider_overview.h"
#include "staff_command.h"

namespace mp::commands {

// Whether Stripe (as this console's configuration reaches it for Pay online and Refund, see
// setPaymentConfig) and each of the tenant's Proxmox clusters are the sandbox's emulators, test
// or live.
void loadProviders(ConsoleSession *session, QObject *context, Reply<providers::ProviderOverview> reply);

} // namespace mp::commands
