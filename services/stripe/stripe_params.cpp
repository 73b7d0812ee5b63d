#include "stripe/stripe_params.h"

#include "stripe/stripe_errors.h"

#include <QRegularExpression>

namespace mp {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::StripeInvalidParams, message, field);
}

// Stripe's metadata rules: at most 50 keys, keys up to 40 characters without square brackets,
// values up to 500 characters.
Status addMetadata(stripe::FormParams &form, const QString &prefix, const StripeMetadata &metadata)
{
    if (metadata.size() > 50)
        return invalid(prefix, QStringLiteral("Stripe allows at most 50 metadata keys"));
    for (const auto &[key, value] : metadata) {
        if (key.isEmpty() || key.size() > 40 || key.contains(u'[') || key.contains(u']'))
            return invalid(prefix + u'[' + key + u']',
                           QStringLiteral("a metadata key must be 1 to 40 characters without brackets"));
        if (value.size() > 500)
            return invalid(prefix + u'[' + key + u']',
                           QStringLiteral("a metadata value is at most 500 characters"));
        form.add(prefix + u'[' + key + u']', value);
    }
    return {};
}

} // namespace

Result<stripe::FormParams> CheckoutSessionParams::toForm() const
{
    static const QRegularExpression currencyCode(QStringLiteral("^[A-Za-z]{3}$"));
    if (!currencyCode.match(currency).hasMatch())
        return invalid(QStringLiteral("currency"),
                       QStringLiteral("a three-letter ISO 4217 currency is required"));
    if (lineItems.isEmpty())
        return invalid(QStringLiteral("line_items"),
                       QStringLiteral("a Checkout Session needs at least one line item"));
    if (successUrl.isEmpty())
        return invalid(QStringLiteral("success_url"), QStringLiteral("a success URL is required"));

    stripe::FormParams form;
    form.add(QStringLiteral("mode"), QStringLiteral("payment"));
    const QString lowerCurrency = currency.toLower();
    for (qsizetype i = 0; i < lineItems.size(); ++i) {
        const CheckoutLineItem &item = lineItems.at(i);
        const QString prefix = QStringLiteral("line_items[%1]").arg(i);
        if (item.name.trimmed().isEmpty())
            return invalid(prefix + QStringLiteral("[price_data][product_data][name]"),
                           QStringLiteral("every line item needs a name"));
        if (item.unitAmount < 0)
            return invalid(prefix + QStringLiteral("[price_data][unit_amount]"),
                           QStringLiteral("a unit amount cannot be negative"));
        if (item.quantity < 1)
            return invalid(prefix + QStringLiteral("[quantity]"), QStringLiteral("a quantity is at least 1"));
        form.add(prefix + QStringLiteral("[price_data][currency]"), lowerCurrency);
        form.add(prefix + QStringLiteral("[price_data][unit_amount]"), item.unitAmount);
        form.add(prefix + QStringLiteral("[price_data][product_data][name]"), item.name);
        if (!item.description.isEmpty())
            form.add(prefix + QStringLiteral("[price_data][product_data][description]"), item.description);
        form.add(prefix + QStringLiteral("[quantity]"), item.quantity);
    }
    form.add(QStringLiteral("success_url"), successUrl);
    if (!cancelUrl.isEmpty())
        form.add(QStringLiteral("cancel_url"), cancelUrl);
    if (!clientReferenceId.isEmpty())
        form.add(QStringLiteral("client_reference_id"), clientReferenceId);
    if (!customer.isEmpty()) {
        if (!customer.startsWith(QLatin1String("cus_")) || !stripe::isValidObjectId(customer))
            return invalid(QStringLiteral("customer"), QStringLiteral("not a Stripe Customer id"));
        form.add(QStringLiteral("customer"), customer);
    } else if (!customerEmail.isEmpty()) {
        form.add(QStringLiteral("customer_email"), customerEmail);
    }
    if (!setupFutureUsage.isEmpty()) {
        if (setupFutureUsage != QLatin1String("off_session") &&
            setupFutureUsage != QLatin1String("on_session"))
            return invalid(QStringLiteral("payment_intent_data[setup_future_usage]"),
                           QStringLiteral("setup_future_usage is on_session or off_session"));
        form.add(QStringLiteral("payment_intent_data[setup_future_usage]"), setupFutureUsage);
    }
    if (auto s = addMetadata(form, QStringLiteral("metadata"), metadata); !s)
        return s.error();
    if (auto s = addMetadata(form, QStringLiteral("payment_intent_data[metadata]"), paymentIntentMetadata);
        !s)
        return s.error();
    if (expiresAt > 0)
        form.add(QStringLiteral("expires_at"), expiresAt);
    return form;
}

Result<stripe::FormParams> RefundParams::toForm() const
{
    if (paymentIntent.isEmpty() == charge.isEmpty())
        return invalid(QStringLiteral("payment_intent"),
                       QStringLiteral("a refund names exactly one of payment_intent and charge"));
    const QString &target = paymentIntent.isEmpty() ? charge : paymentIntent;
    if (!stripe::isValidObjectId(target))
        return invalid(paymentIntent.isEmpty() ? QStringLiteral("charge") : QStringLiteral("payment_intent"),
                       QStringLiteral("not a Stripe object id"));
    if (amount < 0)
        return invalid(QStringLiteral("amount"), QStringLiteral("a refund amount cannot be negative"));
    static const QStringList reasons{QStringLiteral("duplicate"), QStringLiteral("fraudulent"),
                                     QStringLiteral("requested_by_customer")};
    if (!reason.isEmpty() && !reasons.contains(reason))
        return invalid(QStringLiteral("reason"),
                       QStringLiteral("reason is one of duplicate, fraudulent, requested_by_customer"));

    stripe::FormParams form;
    if (!paymentIntent.isEmpty())
        form.add(QStringLiteral("payment_intent"), paymentIntent);
    else
        form.add(QStringLiteral("charge"), charge);
    if (amount > 0)
        form.add(QStringLiteral("amount"), amount);
    if (!reason.isEmpty())
        form.add(QStringLiteral("reason"), reason);
    if (auto s = addMetadata(form, QStringLiteral("metadata"), metadata); !s)
        return s.error();
    return form;
}

Result<stripe::FormParams> CustomerParams::toForm() const
{
    if (email.size() > 512)
        return invalid(QStringLiteral("email"), QStringLiteral("an email address is at most 512 characters"));
    stripe::FormParams form;
    if (!email.isEmpty())
        form.add(QStringLiteral("email"), email);
    if (!name.isEmpty())
        form.add(QStringLiteral("name"), name.left(256));
    if (auto s = addMetadata(form, QStringLiteral("metadata"), metadata); !s)
        return s.error();
    return form;
}

Result<stripe::FormParams> OffSessionChargeParams::toForm() const
{
    static const QRegularExpression currencyCode(QStringLiteral("^[A-Za-z]{3}$"));
    if (amount <= 0)
        return invalid(QStringLiteral("amount"), QStringLiteral("an amount is positive"));
    if (!currencyCode.match(currency).hasMatch())
        return invalid(QStringLiteral("currency"),
                       QStringLiteral("a three-letter ISO 4217 currency is required"));
    if (!customer.startsWith(QLatin1String("cus_")) || !stripe::isValidObjectId(customer))
        return invalid(QStringLiteral("customer"), QStringLiteral("not a Stripe Customer id"));
    if (!paymentMethod.startsWith(QLatin1String("pm_")) || !stripe::isValidObjectId(paymentMethod))
        return invalid(QStringLiteral("payment_method"), QStringLiteral("not a Stripe PaymentMethod id"));
    // The order stripe-node sends (wire-capture-offsession.txt).
    stripe::FormParams form;
    form.add(QStringLiteral("amount"), amount);
    form.add(QStringLiteral("currency"), currency.toLower());
    form.add(QStringLiteral("customer"), customer);
    form.add(QStringLiteral("payment_method"), paymentMethod);
    form.add(QStringLiteral("off_session"), QStringLiteral("true"));
    form.add(QStringLiteral("confirm"), QStringLiteral("true"));
    if (auto s = addMetadata(form, QStringLiteral("metadata"), metadata); !s)
        return s.error();
    return form;
}

bool stripe::isValidObjectId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,255}$"));
    return pattern.match(id).hasMatch();
}

} // namespace mp
