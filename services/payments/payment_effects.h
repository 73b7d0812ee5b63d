#pragma once

#include "core/result.h"
#include "stripe/stripe_event.h"

#include <QDateTime>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

// What a verified Stripe event does to the tenant's payments and invoices, inside the tenant
// transaction that also stores the event. Every event about a payment upserts its one row
// (keyed by the PaymentIntent) and folds in what it knows: success, refunded amount (Stripe's
// running total, so the largest seen wins), decline, dispute. The status is derived from those
// facts, never from the order the events came in. The invoice is marked paid once, from the
// first event that shows the payment succeeded, through Invoices::setStatus, and only when
// amount and currency are what the invoice asks for; anything else is held for staff review.
class PaymentEffects {
public:
    // Returns a short word for the log and the stored event: "invoice_paid", "held_for_review",
    // "payment_failed", "refund_recorded", "dispute_recorded", "already_applied", "ignored"...
    static Result<QString> apply(TenantTransaction &tx, const StripeEvent &event, const QDateTime &now);

    // After a refund Stripe accepted through the API: records it against the payment and
    // updates payment and invoice exactly as the later charge.refunded will (idempotent with it).
    static Status recordApiRefund(TenantTransaction &tx, const QString &paymentId, const QString &requestKey,
                                  const QJsonObject &refund, const QString &actor, const QDateTime &now);
};

// The lock order every payment write keeps: the invoice first, then its payments. A webhook,
// a renewal charge (which holds its invoice while Stripe answers) and a refund being recorded
// therefore wait for one another instead of deadlocking.
Status lockInvoice(TenantTransaction &tx, const QString &invoiceId);
Status lockInvoiceOfPayment(TenantTransaction &tx, const QString &paymentId);

// The invoice mPanel named in the metadata it put on the session and the PaymentIntent
// (charges carry the PaymentIntent's), or the session's client_reference_id.
QString invoiceIdOf(const StripeEvent &event);

} // namespace mp::payments
