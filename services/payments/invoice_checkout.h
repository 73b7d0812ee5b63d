#pragma once

#include "core/result.h"
#include "stripe/stripe_params.h"
#include "stripe/stripe_settings.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

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

// What the first, short transaction decided: a session to hand out again, or the Stripe
// request to make (outside any transaction) and its idempotency key.
struct CheckoutPlan {
    std::optional<CheckoutStarted> existing;
    CheckoutSessionParams params;
    QString idempotencyKey;
    qint64 amountMinor = 0;
    QString currency;
    // The card is saved for renewals on the customer's Stripe Customer: the one known
    // (params.customer), or one createSession makes first for this customer.
    QString customerId;
    QString customerName;
    bool createStripeCustomer = false;
};

struct RefundPlan {
    QString paymentId;
    RefundParams params;
    QString idempotencyKey;
};

// Paying an invoice online and refunding it, for the API and the console. Each is three steps
// so no transaction (and no row lock) is held while Stripe is called: plan in one short
// transaction, call Stripe with none open (one blocking call, runStripeCall, so on a worker
// thread, never the UI thread), record in a second short transaction. What keeps a double
// click to one session or one refund is Stripe's Idempotency-Key, not a lock: both clicks
// plan the same key, Stripe answers both with the same object, and recording is idempotent.
class InvoiceCheckout {
public:
    // For what the invoice still asks (409 "conflict" unless unpaid). An open session for the
    // same amount from the last 23 hours is handed out again. Otherwise the key is the invoice,
    // the amount and currency, and how many sessions were made for that amount before (so a
    // changed total, or a session past its 24 hours, gets a new one).
    static Result<CheckoutPlan> planCheckout(TenantTransaction &tx, const CheckoutUrls &urls,
                                             const QString &invoiceId, const QDateTime &now);
    // Network only: no database. Makes the customer's Stripe Customer first when the plan says
    // so (and puts it on the plan, for recordSession).
    static Result<CheckoutStarted> createSession(const StripeSettings &settings, CheckoutPlan &plan);
    // ON CONFLICT on the session id: the second click records nothing new; a Stripe Customer
    // made for the session is linked to the customer.
    static Status recordSession(TenantTransaction &tx, const QString &invoiceId, const CheckoutPlan &plan,
                                const CheckoutStarted &started, const QDateTime &now);

    // Refunds `amountMinor` (0: all that is left) of the Stripe payment that paid the invoice.
    // The Idempotency-Key is `requestKey` when given, else derived from the payment, what was
    // refunded before and the amount, so a retried request refunds once. The request is recorded
    // with `actor` before Stripe is called, so a refund webhook that arrives before the answer is
    // still put down to whoever asked.
    static Result<RefundPlan> planRefund(TenantTransaction &tx, const QString &invoiceId, qint64 amountMinor,
                                         const QString &reason, const QString &requestKey,
                                         const QString &actor);
    static Result<QJsonObject> createRefund(const StripeSettings &settings, const RefundPlan &plan);
    // On Stripe's success the payment and invoice change at once, idempotently with the
    // charge.refunded event (and a second recording of the same refund).
    static Result<QJsonObject> recordRefund(TenantTransaction &tx, const RefundPlan &plan,
                                            const QJsonObject &refund, const QString &actor,
                                            const QDateTime &now);
};

} // namespace mp::payments
