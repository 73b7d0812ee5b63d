#include "notifications/notifications_module.h"

#include "module/module_context.h"
#include "notifications/notification_listeners.h"
#include "notifications/notification_openapi.h"
#include "notifications/notification_routes.h"
#include "notifications/outbox_sender.h"
#include "notifications/staff_alert_mail.h"

namespace mp::notifications {

Module notificationsModule()
{
    return Module(QStringLiteral("notifications"), QStringList{QStringLiteral("billing")},
                  [](ModuleContext &module) {
                      module.routes(&registerNotificationRoutes);
                      module.staffWrites(StaffAction::ManageProviders,
                                         {QStringLiteral("PUT /api/notifications/settings")});
                      module.staffWrites(StaffAction::ManageJobs,
                                         {QStringLiteral("POST /api/notifications/outbox/{id}/retry")});
                      module.openApi(openApiFragment());
                      module.jobKind(QStringLiteral("notifications.send"), &OutboxSender::run);
                      module.jobKind(QStringLiteral("notifications.renewal_notices"),
                                     &NotificationListeners::renewalNotices);
                      JobSchedule send;
                      send.name = QStringLiteral("notifications.send");
                      send.kind = QStringLiteral("notifications.send");
                      send.everyMs = 60 * 1000;
                      send.maxAttempts = 3;
                      module.schedule(send);
                      JobSchedule notices;
                      notices.name = QStringLiteral("notifications.renewal_notices");
                      notices.kind = QStringLiteral("notifications.renewal_notices");
                      notices.dailyAt = QTime(6, 0);
                      module.schedule(notices);
                      NotificationListeners::declare(module);
                      StaffAlertMail::declare(module);
                  });
}

} // namespace mp::notifications
