#pragma once

#include "provider_call/provider_mode.h"

#include <QUrl>

namespace mp {

// What ProviderCall needs to know about a provider account, whatever the provider: where its
// API is, how real it is, and how long and how often to try. A provider's own settings
// (StripeSettings, ProxmoxSettings) hold more (keys, certificates) and hand these over with
// callSettings().
struct ProviderCallSettings {
    QUrl apiBase; // a request's path is appended to this one's
    ProviderMode mode = ProviderMode::Live;
    int timeoutMs = 30000;      // per attempt
    int maxRetries = 2;         // after the first attempt, and only for a call safe to repeat
    int retryBaseDelayMs = 500; // before the first retry; doubled for each further one
    int retryMaxDelayMs = 5000; // the cap of the doubling, and of a server's Retry-After
    // Wait a random 50 % to 100 % of the delay, so clients that failed together do not all
    // come back at the same moment.
    bool jitter = true;
};

} // namespace mp
