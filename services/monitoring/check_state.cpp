#include "monitoring/check_state.h"

namespace mp::monitoring {

CheckStep advance(const CheckState &current, const CheckResult &result, const CheckDefinition &check)
{
    CheckStep step;
    step.next = current;
    const bool failed = result.result == QLatin1String("down");
    if (failed) {
        step.next.consecutiveFailures = current.consecutiveFailures + 1;
        step.next.consecutiveSuccesses = 0;
    } else {
        step.next.consecutiveSuccesses = current.consecutiveSuccesses + 1;
        step.next.consecutiveFailures = 0;
    }
    const bool wasDown = current.status == QLatin1String("down");
    if (failed) {
        // A check never seen up goes down as soon as the threshold is met, like one that was.
        if (!wasDown && step.next.consecutiveFailures >= check.failThreshold) {
            step.next.status = QStringLiteral("down");
            step.wentDown = true;
        }
        return step;
    }
    if (wasDown) {
        if (step.next.consecutiveSuccesses >= check.recoverThreshold) {
            step.next.status = result.result;
            step.cameUp = true;
        }
        return step;
    }
    step.next.status = result.result;
    return step;
}

} // namespace mp::monitoring
