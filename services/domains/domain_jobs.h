#pragma once

#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::domains {

// domains.register: registers (or sends the transfer of) a paid domain. Looks first: a name
// already in the registrar account (a lost answer, a killed worker) is recorded, not
// registered again. A refusal leaves the domain registration_failed with the registrar's words;
// "try again later" is retried, and recorded as the failure on the last attempt.
Status registerDomainJob(JobContext &ctx);
// domains.renew: renews for the years paid, once: a registrar expiry already past the one the
// renewal started from (plus the years) means it was done.
Status renewDomainJob(JobContext &ctx);
// domains.transfer_status: follows a transfer in until the registrar completes or refuses it,
// asking again every MPANEL_DOMAINS_TRANSFER_POLL_SECONDS (default an hour).
Status transferStatusJob(JobContext &ctx);
// domains.registrar_change: one change at the registrar (payload "action": nameservers, lock,
// unlock, auth_code, dnssec), then the domain's row as the registrar has it.
Status registrarChangeJob(JobContext &ctx);

} // namespace mp::domains
