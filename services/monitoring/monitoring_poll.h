#pragma once

#include "core/result.h"

namespace mp {
class JobContext;
}

namespace mp::monitoring {

namespace kinds {
inline const QString poll = QStringLiteral("monitoring.poll");
inline const QString slowQueries = QStringLiteral("monitoring.slow_queries");
} // namespace kinds

// Raw samples are kept this long; older partitions are dropped whole.
inline constexpr qint64 kRawRetentionHours = 48;

// The poll job (every 10 s per tenant): scrapes each node whose turn it is, runs each check
// whose turn it is (at its interval, or its down interval while down), records status, samples
// and alerts in the job's transaction, and drops sample partitions past the retention. Two runs
// at once share the work: each takes the rows it locks (SKIP LOCKED).
Status pollJob(JobContext &ctx);

} // namespace mp::monitoring
