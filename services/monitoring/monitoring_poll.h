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

// Raw samples are kept this long; older partitions are dropped whole. The rollups
// (mpanel_monitoring_rollup, migration 0034) keep 5-minute buckets for 30 days and hourly ones
// for a year.
inline constexpr qint64 kRawRetentionHours = 48;
inline constexpr qint64 kFiveMinuteRetentionDays = 30;

// The poll job (every 10 s per tenant): scrapes each node whose turn it is, runs each check
// whose turn it is (at its interval, or its down interval while down), records status, samples
// and alerts in the job's transaction, rolls samples up into 5-minute and hourly buckets, and
// drops sample partitions past their retention. Two runs
// at once share the work: each takes the rows it locks (SKIP LOCKED).
Status pollJob(JobContext &ctx);

} // namespace mp::monitoring
