#include "payments/payment_bodies.h"
#include "core/errors.h"

namespace mp::payments {

using api::BodyField;
using api::RequestBody;

const RequestBody &refundBody()
{
    static const RequestBody body =
        RequestBody()
            // Parsed in the invoice's currency by the route, so a plain string here.
            .add(BodyField::string(QStringLiteral("amount"))
                     .example(QStringLiteral("5.00"))
                     .describe(QStringLiteral("omit to refund what is left")))
            // Stripe's reasons; required, so that every refund says why in the audit trail.
            .add(BodyField::string(QStringLiteral("reason"))
                     .required()
                     .oneOf({QStringLiteral("duplicate"), QStringLiteral("fraudulent"),
                             QStringLiteral("requested_by_customer")},
                            errors::InvalidReason));
    return body;
}

const RequestBody &resolveBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("action"))
                     .required()
                     .oneOf({QStringLiteral("apply"), QStringLiteral("refund"), QStringLiteral("dismiss")},
                            errors::InvalidAction))
            // Trimmed, then 1 to 1000 characters: checked by the route.
            .add(BodyField::string(QStringLiteral("reason")).required().maxLength(1000));
    return body;
}

} // namespace mp::payments
