#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace mp {

// A Stripe Event object (stripe.md section 2), read from a webhook body after its signature
// was verified. Unknown fields are ignored; `object` is the resource as Stripe rendered it.
struct StripeEvent {
    QString id;   // evt_...: unique per event, the first dedupe key
    QString type; // e.g. checkout.session.completed
    QString apiVersion;
    qint64 created = 0;
    bool livemode = false;
    QJsonObject object;             // data.object
    QJsonObject previousAttributes; // data.previous_attributes, on *.updated-style events
    QString requestId;              // request.id: null for events the customer caused
    QString idempotencyKey;         // request.idempotency_key of the API call behind it

    // data.object.object: "checkout.session", "payment_intent", "charge", "refund"...
    QString objectType() const;
    QString objectId() const;
    // The PaymentIntent the event is about, whatever its resource: Stripe sends several events
    // for one payment (charge.succeeded, payment_intent.succeeded, checkout.session.completed),
    // so effects are deduplicated on the payment, not only on the event id. Empty when the
    // resource has none (a session not paid yet).
    QString paymentIntentId() const;
};

// Parses an Event body. Fails (stripe_event_invalid) on anything that is not an Event object
// with an id, a type and data.object.
Result<StripeEvent> parseStripeEvent(const QByteArray &body);

} // namespace mp
