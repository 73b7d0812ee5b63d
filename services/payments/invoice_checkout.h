#pragma once

#include "core/result.h"
#include "payments/stripe_settings.h"

#include <QDateTime>
#include <QJsonObject>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

// Where Stripe sends the customer back after Checkout (MPANEL_STRIPE_SUCCESS_URL,
// MPANEL_STRIPE_CANCEL_URL); the success URL may carry {CHECKOUT_SESSION_ID}.
struct CheckoutUrls {
    QString success;
    QString cancel;
    static CheckoutUrls fromConfig(const Config &config);
};

struct CheckoutStarted {
    QString sessionId;
    QString url;
};

// Paying an invoice online and refunding it, for the API and the console. Both make one
// blocking Stripe call (runStripeCall), so they run on a worker thread, never the UI thread.
class InvoiceCheckout {
public:
    // A Checkout Session for what the invoice still asks (409 "conflict" unless unpaid), with the
    // invoice and tenant in the session's and the PaymentIntent's metadata so every event finds
    // its way back. The Idempotency-Key is the invoice and how many sessions it had, so a double
    // click makes one session; an open session from the last 23 hours is handed out again.
    static Result<CheckoutStarted> start(TenantTransaction &tx, const StripeSettings &settings,
                                         const CheckoutUrls &urls, const QString &invoiceId,
                                         const QDateTime &now);

    // Refunds `amountMinor` (0: all that is left) of the Stripe payment that paid the invoice.
    // The Idempotency-Key is `requestKey` when given, else derived from the payment, what was
    // refunded before and the amount, so a retried request refunds once. On Stripe's success the
    // payment and invoice change at once, idempotently with the charge.refunded event to come.
    static Result<QJsonObject> refund(TenantTransaction &tx, const StripeSettings &settings,
                                      const QString &invoiceId, qint64 amountMinor, const QString &reason,
                                      const QString &requestKey, const QString &actor, const QDateTime &now);
};

} // namespace mp::payments
