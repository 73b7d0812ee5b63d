#pragma once

#include "module/module.h"

namespace mp::mail {

// Email hosting on Postfix and Dovecot (not mPanel's own notification mail): mail hosts, mail
// domains with their DNS (MX, SPF, DKIM, DMARC through the DNS module), mailboxes, aliases,
// forwards and catch-alls, the `email` product type, and the views a host's servers read.
Module mailModule();

} // namespace mp::mail
