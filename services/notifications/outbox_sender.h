#pragma once

#include "core/result.h"

#include <QDateTime>

namespace mp {
class JobContext;
}

namespace mp::notifications {

// The job that delivers a tenant's due outbox mail ("notifications.send", every minute and
// after each batch that hit its limit).
//
// Exactly once, as far as SMTP allows: each message is claimed (FOR UPDATE SKIP LOCKED), sent
// and marked sent or failed in one short transaction of its own, on a connection of its own, and
// committed before the next one is claimed. Senders racing for the same queue (several workers,
// several service instances, a staff retry) skip a row another one holds, and a committed row
// is no longer due, so each message goes to the relay once. The one window left is between the
// relay's "250 OK" to the message and our COMMIT (a crash, a lost database connection there):
// the row is still queued and the next run sends it again (at least once, never lost). The
// mail's Message-ID is the outbox id on every attempt, so a receiving system can drop the copy.
// Marking "sending" before the SMTP call would turn that window into possibly-lost mail
// instead, which is worse for invoices and password resets.
class OutboxSender {
public:
    static constexpr int kMessagesPerRun = 50;

    static Status run(JobContext &ctx);
    // Delay before attempt `attempt` + 1 after `attempt` failed: 1, 2, 4, ... minutes, at most 6 h.
    static qint64 backoffSeconds(int attempt);
};

} // namespace mp::notifications
