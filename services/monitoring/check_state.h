#pragma once

#include "monitoring/check_definition.h"

#include <QString>

namespace mp::monitoring {

// Where a check stands (monitoring_service_status) and how one probe moves it. A check goes
// down only after `failThreshold` failed probes in a row and comes back after
// `recoverThreshold` good ones, so one lost packet raises no alert and one lucky answer clears
// none. Degraded (slow, certificate close to expiry) counts as good for the down/up decision.
struct CheckState {
    QString status = QStringLiteral("unknown"); // unknown, up, down, degraded
    int consecutiveFailures = 0;
    int consecutiveSuccesses = 0;
};

struct CheckStep {
    CheckState next;
    bool wentDown = false;
    bool cameUp = false; // from down back to up or degraded
};

CheckStep advance(const CheckState &current, const CheckResult &result, const CheckDefinition &check);

} // namespace mp::monitoring
