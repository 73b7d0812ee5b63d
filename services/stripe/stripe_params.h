#pragma once

#include "core/result.h"
#include "stripe/stripe_form.h"

#include <QList>
#include <QPair>
#include <QString>

namespace mp {

using StripeMetadata = QList<QPair<QString, QString>>;

// One line of a Checkout Session, priced inline (`price_data`), so no Stripe Product or Price
// objects need to exist.
struct CheckoutLineItem {
    QString name;          // product_data[name], shown to the customer
    QString description;   // product_data[description], optional
    qint64 unitAmount = 0; // minor units of the session currency
    qint64 quantity = 1;
};

// POST /v1/checkout/sessions in `mode=payment` (stripe.md section 3).
struct CheckoutSessionParams {
    QString currency; // ISO 4217, any case; Stripe wants it lowercase, on every line item
    QList<CheckoutLineItem> lineItems;
    QString successUrl; // may contain Stripe's literal {CHECKOUT_SESSION_ID} template
    QString cancelUrl;
    QString clientReferenceId; // e.g. the invoice id: comes back on checkout.session.completed
    QString customerEmail;     // not sent when `customer` is (Stripe takes the Customer's)
    // cus_...: Checkout attaches the card to this Customer; with setupFutureUsage "off_session"
    // it is saved for charges made later without the customer (stripe.md section 8.2).
    QString customer;
    QString setupFutureUsage; // payment_intent_data[setup_future_usage]: "", on_session, off_session
    StripeMetadata metadata;  // the session's metadata
    // payment_intent_data[metadata]: what payment_intent.* and charge.* events carry, since those
    // never see the session's metadata (stripe.md section 2).
    StripeMetadata paymentIntentMetadata;
    qint64 expiresAt = 0; // unix seconds, 30 min to 24 h ahead; 0 keeps Stripe's 24 h

    // Checks what Stripe would reject and encodes in the order stripe-node uses.
    Result<stripe::FormParams> toForm() const;
};

// POST /v1/refunds (stripe.md section 4).
struct RefundParams {
    QString paymentIntent; // pi_...; or
    QString charge;        // ch_...; exactly one of the two
    qint64 amount = 0;     // minor units; 0 refunds whatever is left
    QString reason;        // duplicate | fraudulent | requested_by_customer, or empty
    StripeMetadata metadata;

    Result<stripe::FormParams> toForm() const;
};

// POST /v1/customers (stripe.md section 8.1).
struct CustomerParams {
    QString email;
    QString name;
    StripeMetadata metadata;

    Result<stripe::FormParams> toForm() const;
};

// POST /v1/payment_intents, created and confirmed at once with no customer present (stripe.md
// section 8.4): the saved card is named explicitly, since a PaymentIntent ignores the
// Customer's default.
struct OffSessionChargeParams {
    qint64 amount = 0;     // minor units
    QString currency;      // ISO 4217, any case
    QString customer;      // cus_...
    QString paymentMethod; // pm_... attached to `customer`
    StripeMetadata metadata;

    Result<stripe::FormParams> toForm() const;
};

namespace stripe {
// Stripe ids are [A-Za-z0-9_]; anything else must not reach a URL path.
bool isValidObjectId(const QString &id);
} // namespace stripe

} // namespace mp
