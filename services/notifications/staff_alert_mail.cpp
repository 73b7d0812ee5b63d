#include "notifications/staff_alert_mail.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/module_context.h"
#include "notifications/outbox.h"

namespace mp::notifications {

void StaffAlertMail::declare(ModuleContext &module)
{
    for (const QString &event : {events::MonitoringCheckDown, events::MonitoringCheckUp})
        module.on(event, &StaffAlertMail::onAlert);
}

Status StaffAlertMail::onAlert(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT coalesce(reply_to, from_address) FROM notification_settings "
                                      "WHERE enabled"));
    if (!q)
        return q.error();
    if (!q->next())
        return {};
    const bool opened = event.name == events::MonitoringCheckDown;
    const QString templateName =
        opened ? QStringLiteral("monitoring.alert_opened") : QStringLiteral("monitoring.alert_cleared");
    OutboxItem item;
    item.toAddress = q->value(0).toString();
    item.templateName = templateName;
    item.payload = event.data;
    item.payload.insert(QStringLiteral("alert_id"), event.subjectId);
    item.dedupeKey = templateName + u':' + event.subjectId;
    auto queued = Outbox::enqueue(tx, item, now);
    if (!queued)
        return queued.error();
    return {};
}

} // namespace mp::notifications
