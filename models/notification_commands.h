#pragma once

#include "notifications/mail_settings.h"
#include "notifications/outbox.h"
#include "staff_command.h"

#include <QJsonObject>
#include <optional>

namespace mp {

// The change-feed channel of the notification outbox (migration 0018).
namespace channels {
inline const QString emailOutbox = QStringLiteral("mpanel_changed_email_outbox");
} // namespace channels

// What the console's Notifications section asks of the notification services (contract in
// staff_command.h): the same functions the REST API runs.
namespace commands {

// nullopt: mail is not set up yet. Owners and admins only, as GET /api/notifications/settings.
void loadMailSettings(ConsoleSession *session, QObject *context,
                      Reply<std::optional<notifications::MailSettings>> reply);
// `body` is the REST body of PUT /api/notifications/settings; refused values name the field.
void saveMailSettings(ConsoleSession *session, QObject *context, const QJsonObject &body,
                      Reply<notifications::MailSettings> reply);
void retryMail(ConsoleSession *session, QObject *context, const QString &id,
               Reply<notifications::OutboxEntry> reply);

} // namespace commands
} // namespace mp
