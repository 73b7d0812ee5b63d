#pragma once

#include "module/provider_source.h"

namespace mp::ssl {

// The ACME CA in GET /api/system/providers and the console's status bar: its directory URL and
// mode (sandbox: a CA on loopback such as Pebble; test: Let's Encrypt staging; live: anything
// else, whose certificates browsers trust); off when the settings are wrong.
ProviderSource acmeProviderSource();

} // namespace mp::ssl
