#include "billing/billing_bodies.h"

#include "billing/billing_errors.h"
#include "billing/checkout.h"
#include "billing/invoice_pricing.h"
#include "billing/invoice_status.h"
#include "core/errors.h"
#include "module/product_types.h"
#include "money/currency.h"
#include "money/money_errors.h"

namespace mp::billing {

using api::BodyField;
using api::RequestBody;

namespace {

Status isoCurrency(const QJsonValue &value, const QString &path)
{
    if (!Currency::fromCode(value.toString()))
        return makeError(errors::InvalidCurrency, QStringLiteral("not an ISO 4217 currency code"), path);
    return {};
}

// An invoice or credit note line; the price is parsed in the invoice's currency by the route.
const RequestBody &lineBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("description"))
                     .required()
                     .minLength(1)
                     .maxLength(500)
                     .outOfRange(errors::InvalidLine))
            // Lines staff write count something delivered: at least one (credits are credit notes).
            .add(BodyField::integer(QStringLiteral("quantity"))
                     .minimum(1)
                     .maximum(InvoicePricing::kMaxQuantity)
                     .outOfRange(errors::InvalidLine)
                     .defaultValue(1))
            .add(BodyField::string(QStringLiteral("unit_price")).required().example(QStringLiteral("9.99")));
    return body;
}

// The `options` of a checkout line: every field some product type's lineOptions declares (each
// type decodes its own again, so a field of another type is refused naming it). Built once, when
// the modules have declared their types.
RequestBody lineOptionsBody()
{
    RequestBody body(QStringLiteral("CheckoutLineOptions"));
    QStringList seen;
    const QList<provisioning::ProductType> types = provisioning::ProductTypes::global().all();
    for (const provisioning::ProductType &type : types) {
        if (!type.lineOptions)
            continue;
        const QList<BodyField> fields = type.lineOptions->fields();
        for (const BodyField &field : fields) {
            if (seen.contains(field.name()))
                continue;
            seen << field.name();
            body.add(field);
        }
    }
    return body;
}

} // namespace

const RequestBody &checkoutBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("CheckoutRequest"))
            .add(BodyField::string(QStringLiteral("hostname"))
                     .describe(QStringLiteral(
                         "CloudPod products: the pod's host name (one DNS label); generated when absent")))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("staff only")))
            .add(BodyField::string(QStringLiteral("product_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("cycle")).oneOf(Checkout::cycles(), errors::UnknownCycle))
            .add(BodyField::integer(QStringLiteral("quantity"))
                     .minimum(1)
                     .maximum(Checkout::kMaxQuantity)
                     .outOfRange(errors::InvalidQuantity)
                     .defaultValue(1))
            .add(BodyField::string(QStringLiteral("domain"))
                     .describe(QStringLiteral("domain products: the name to register")))
            .add(BodyField::integer(QStringLiteral("years"))
                     .minimum(1)
                     .maximum(10)
                     .outOfRange(errors::InvalidYears))
            .add(BodyField::string(QStringLiteral("domain_action"))
                     .oneOf({QStringLiteral("register"), QStringLiteral("transfer")}, errors::InvalidDomain)
                     .describe(
                         QStringLiteral("domain products: register (default) or transfer in (the EPP code "
                                        "in options.auth_code)")))
            .add(BodyField::string(QStringLiteral("currency"))
                     .describe(QStringLiteral("default: the tenant's currency")))
            .add(BodyField::object(QStringLiteral("options"), lineOptionsBody())
                     .describe(QStringLiteral("the line's options, as its product type declares them")));
    return body;
}

const RequestBody &invoiceBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("customer_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("currency")).check(isoCurrency))
            .add(BodyField::string(QStringLiteral("status"))
                     .oneOf({QStringLiteral("unpaid"), QStringLiteral("draft")}, errors::InvalidStatus)
                     .defaultValue(QStringLiteral("unpaid")))
            .add(BodyField::string(QStringLiteral("notes")).maxLength(2000).outOfRange(errors::InvalidValue))
            // An invoice without lines is refused as one with an empty list is.
            .add(BodyField::objects(QStringLiteral("items"), lineBody()).required(errors::InvalidLine));
    return body;
}

const RequestBody &invoiceStatusBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("status"))
                     .required()
                     .oneOf(InvoiceStatuses::all(), errors::InvalidStatus))
            .add(BodyField::string(QStringLiteral("reason")).required(errors::InvalidReason))
            .add(BodyField::string(QStringLiteral("payment_method"))
                     .maxLength(50)
                     .outOfRange(errors::InvalidValue)
                     .example(QStringLiteral("bank_transfer")))
            .add(BodyField::string(QStringLiteral("payment_reference"))
                     .maxLength(200)
                     .outOfRange(errors::InvalidValue));
    return body;
}

const RequestBody &creditNoteBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("reason")).required())
            .add(BodyField::objects(QStringLiteral("items"), lineBody())
                     .describe(QStringLiteral("The lines to credit; absent: the whole invoice")));
    return body;
}

} // namespace mp::billing
