#pragma once

#include <QString>

namespace mp {

// How real a provider account is, as the API (GET /api/system/providers) and the console show
// it. Each provider decides its own by its own rule (StripeSettings::fromConfig, a Proxmox
// cluster's registered mode); a call carries it in its ProviderCallSettings.
enum class ProviderMode {
    Off,     // not set up: mPanel does not call the provider
    Sandbox, // no account: the provider emulator, no real effect anywhere
    Test,    // the provider's own test mode (Stripe test keys)
    Live     // real money, real machines
};

// "off", "sandbox", "test", "live".
QString providerModeName(ProviderMode mode);

} // namespace mp
