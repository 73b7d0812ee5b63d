#pragma once

#include "module/module.h"

namespace mp::dns {

// DNS hosting on PowerDNS: zones and record sets (API, validation, one PATCH per zone sync),
// the tenant's PowerDNS servers as a provider, and the names CloudPods get when they come up.
Module dnsModule();

} // namespace mp::dns
