#include "subscriptions/subscription_bodies.h"

#include "subscriptions/subscription_calendar.h"
#include "subscriptions/subscription_errors.h"

namespace mp::subscriptions {

using api::BodyField;
using api::RequestBody;

const RequestBody &cancelBody()
{
    static const RequestBody body = RequestBody().add(
        BodyField::string(QStringLiteral("mode"))
            .required()
            .oneOf({QStringLiteral("now"), QStringLiteral("period_end")}, errors::InvalidMode));
    return body;
}

const RequestBody &changeBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("product_id")).required().format(QStringLiteral("uuid")))
            // A one-time price is not a subscription.
            .add(BodyField::string(QStringLiteral("cycle"))
                     .required()
                     .oneOf(SubscriptionCalendar::allCycles(), errors::InvalidCycle))
            .add(BodyField::string(QStringLiteral("currency"))
                     .describe(QStringLiteral("optional; must be the subscription's")));
    return body;
}

} // namespace mp::subscriptions
