#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace mp::monitoring {

// The companion service's own metrics for one tenant, in the Prometheus text exposition format
// (GET /metrics with a staff token): jobs by kind and status, queue depth and the oldest queued
// job's age, Stripe webhook events by type and outcome, each check's and node's status, open
// alerts. Read in the caller's tenant transaction.
Result<QByteArray> serviceMetrics(const QSqlDatabase &db);

inline constexpr char kExpositionContentType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace mp::monitoring
