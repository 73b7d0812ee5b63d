#pragma once

#include "module/module.h"

namespace mp::domains {

// Domains at a registrar (Namesilo): the "domain" product type and its provisioner
// (register / transfer in on payment, renew on each paid renewal), search with the catalog's
// prices, the registrar's actions (name servers, lock, auth code, DNSSEC DS hand-off), and the
// DNS zone each domain gets through the DNS module.
Module domainsModule();

} // namespace mp::domains
