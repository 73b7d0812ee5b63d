#pragma once

#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::domains {

// How long a registry keeps an expired domain in each phase before the next (the common gTLD
// figures: 30 days of grace, then 30 of redemption). Per-TLD rules are the registrar's.
constexpr int kGraceDays = 30;
constexpr int kRedemptionDays = 30;

// domains.sync, daily per tenant: asks the registrar about every held domain (getDomainInfo),
// records its expiry, name servers, lock and privacy as the registrar has them and a finding for
// each difference (and for a domain missing from the account); then moves expired domains
// through grace and redemption to expired by their dates, and back to active when a renewal
// elsewhere moved the expiry.
Status syncDomainsJob(JobContext &ctx);
// domains.price_sync, daily per tenant: the registrar's price list (getPrices) as the cost per
// TLD that the margin view compares with the catalog.
Status syncPricesJob(JobContext &ctx);

} // namespace mp::domains
