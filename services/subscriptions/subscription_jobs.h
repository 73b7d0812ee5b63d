#pragma once

namespace mp {
class ModuleContext;
}

namespace mp::subscriptions {

// Job kinds:
//   subscriptions.renew    issues the renewal invoices due within the tenant's lead time
//                          (SubscriptionRenewals::run). Subscriptions that fail are in the
//                          job's log and their history and are retried by the next run. At
//                          most payload.limit (default 5000) per job: the job's transaction
//                          holds the invoice counter, so the rest go to a follow-up job.
//   subscriptions.dunning  past due / reminder mail, suspension after the grace days, expiry
//                          of subscriptions cancelled at period end (SubscriptionLifecycle).
// Both every hour for every tenant; and subscriptions.provision_change (SubscriptionChanges).
void declareSubscriptionJobs(ModuleContext &module);

} // namespace mp::subscriptions
