#include "notifications/notification_bodies.h"

#include "core/errors.h"
#include "notifications/mail_settings.h"
#include "notifications/notification_errors.h"

namespace mp::notifications {

using api::BodyField;
using api::RequestBody;

const RequestBody &mailSettingsBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("MailSettingsInput"))
            .add(BodyField::string(QStringLiteral("from_address"))
                     .required()
                     .maxLength(254)
                     .format(QStringLiteral("email"))
                     .describe(QStringLiteral("the sender address of every notification")))
            .add(BodyField::string(QStringLiteral("from_name"))
                     .maxLength(200)
                     .outOfRange(errors::InvalidValue)
                     .describe(QStringLiteral("the sender's display name; empty: the seller name")))
            .add(BodyField::string(QStringLiteral("reply_to"))
                     .nullable()
                     .maxLength(254)
                     .format(QStringLiteral("email")))
            .add(BodyField::string(QStringLiteral("smtp_host")).required().maxLength(253))
            .add(BodyField::integer(QStringLiteral("smtp_port"))
                     .required()
                     .minimum(1)
                     .maximum(65535)
                     .outOfRange(errors::InvalidValue))
            .add(BodyField::string(QStringLiteral("tls_mode"))
                     .required()
                     .oneOf(tlsModeNames(), errors::InvalidTlsMode, QStringLiteral("SmtpTlsMode"))
                     .describe(
                         QStringLiteral("starttls (must succeed), tls (implicit, port 465), or none (a relay "
                                        "on this machine only)")))
            .add(BodyField::string(QStringLiteral("smtp_user")).nullable().maxLength(254))
            .add(BodyField::string(QStringLiteral("smtp_password"))
                     .nullable()
                     .writeOnly()
                     .maxLength(500)
                     .outOfRange(errors::InvalidValue)
                     .describe(
                         QStringLiteral("write-only: absent keeps the stored one, null removes it; never "
                                        "answered (password_set says whether one is stored)")))
            .add(BodyField::integer(QStringLiteral("max_attempts"))
                     .minimum(1)
                     .maximum(50)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(8)
                     .describe(QStringLiteral("attempts before a message is failed for good")))
            .add(BodyField::integer(QStringLiteral("renewal_notice_days"))
                     .minimum(0)
                     .maximum(90)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(7)
                     .describe(
                         QStringLiteral("days before a renewal's due date the customer is told; 0: never")))
            .add(BodyField::boolean(QStringLiteral("enabled")).defaultValue(true));
    return body;
}

} // namespace mp::notifications
