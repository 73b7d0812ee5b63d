#pragma once

#include "core/result.h"
#include "module/domain_events.h"

#include <QDateTime>

namespace mp {
class TenantTransaction;
}

namespace mp::guardian {

// A mailbox the mail host held over its hourly sending limit (mail.sending_limit_exceeded) is a
// high spam_burst finding on that mailbox, with its remediation tasks (lock the mailbox, tell the
// customer), as if a scan had found the burst in the host's log: the hold is the stronger
// evidence, since the host counted every message itself.
Status recordSendingHold(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now);

} // namespace mp::guardian
