#pragma once

namespace mp {

class JobRegistry;

// The engine's own kinds:
//   system.sleep       diagnostic: sleeps payload.ms (<= 10 minutes) in short steps, honouring
//                      cancel and shutdown, and logs how long it slept. Lets operators check
//                      the workers end to end and lets tests kill a worker mid-job.
//   system.prune_jobs  maintenance: deletes the tenant's finished jobs (completed, cancelled,
//                      dead) older than payload.keep_days (default 30) with their logs.
// And their schedule: system.prune_jobs daily at 03:30 UTC for every tenant.
void registerBuiltinJobs(JobRegistry &registry);

} // namespace mp
