#pragma once

#include "core/result.h"
#include "notifications/mail_message.h"
#include "notifications/mail_settings.h"
#include "notifications/outbox.h"

namespace mp {
class TenantTransaction;
}

namespace mp::notifications {

// Turns a queued outbox row into the mail to send: the customer's language, the template's
// values from the row's payload and what it names (the invoice: number, total, its PDF), the
// tenant's name and address, the sender from the tenant's mail settings.
class MessageComposer {
public:
    static Result<MailMessage> compose(TenantTransaction &tx, const OutboxEntry &entry,
                                       const MailSettings &settings, const QDateTime &now);
    // 'de' for a customer who chose German, or (without a choice) lives where German is spoken.
    static QString languageFor(const QString &chosen, const QString &country);
};

} // namespace mp::notifications
