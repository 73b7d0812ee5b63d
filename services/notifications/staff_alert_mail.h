#pragma once

#include "core/result.h"
#include "module/domain_events.h"

namespace mp {
class ModuleContext;
}

namespace mp::notifications {

// Mails staff when monitoring opens or clears an alert (monitoring.check_down / check_up). Staff
// are reached at the tenant's own mailbox: the notification settings' reply-to address, else
// the sender address (the address customers' replies reach). Without mail settings nothing is
// queued. One mail per alert and direction (the dedupe key is the alert id).
class StaffAlertMail {
public:
    static void declare(ModuleContext &module);
    static Status onAlert(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now);
};

} // namespace mp::notifications
