#pragma once

#include "jobs/job_schedule.h"

#include <QList>

namespace mp {
class JobRegistry;
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
void registerSubscriptionJobs(JobRegistry &registry);

// Both every hour for every tenant.
QList<JobSchedule> subscriptionSchedules();

} // namespace mp::subscriptions
