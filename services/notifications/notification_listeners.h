#pragma once

#include "core/result.h"
#include "module/domain_events.h"

namespace mp {
class ModuleContext;
class JobContext;
} // namespace mp

namespace mp::notifications {

// Where mail comes from: the events other modules announce, billing's paid-invoice hook, and a
// daily look for renewals coming up. Each queues one outbox row per occasion (its dedupe key),
// in the transaction of the event, so the mail exists exactly when what it reports committed.
class NotificationListeners {
public:
    static void declare(ModuleContext &module);

    static Status onInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now);
    static Status onEvent(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now);
    // "notifications.renewal_notices": subscriptions due within the tenant's notice days, once
    // per subscription and due date.
    static Status renewalNotices(JobContext &ctx);
};

} // namespace mp::notifications
