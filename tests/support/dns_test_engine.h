#pragma once

// The job engine as the DNS tests run it: two workers polling every 50 ms, no schedules, and a
// failed attempt retried after a second, as production retries it: two zones' jobs writing to
// the test PowerDNS's sqlite database at the same moment can get "HTTP 500" for one of them.
// Header-only, for the tests that start a PowerDNS (tst_dns_api, tst_dns_pods).

#include "db/connection_settings.h"
#include "jobs/job_engine.h"

#include <memory>

namespace mp::test {

inline std::unique_ptr<JobEngine> startDnsTestEngine(const ConnectionSettings &database)
{
    JobEngineOptions o;
    o.database = database;
    o.workers = 2;
    o.batchSize = 1;
    o.pollIntervalMs = 50;
    o.runSchedules = false;
    o.backoffBaseSeconds = 1;
    o.backoffCapSeconds = 1;
    auto engine = std::make_unique<JobEngine>(o);
    if (!engine->start())
        return nullptr;
    return engine;
}

inline void stopTestEngine(std::unique_ptr<JobEngine> &engine)
{
    if (engine)
        engine->stop(2000);
    engine.reset();
}

} // namespace mp::test
