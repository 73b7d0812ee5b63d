#pragma once

#include "stripe/stripe_job.h"
#include "stripe/stripe_params.h"
#include "stripe/stripe_settings.h"

#include <QObject>

class QNetworkAccessManager;

namespace mp {

// The Stripe API subset mPanel uses, on QNetworkAccessManager's asynchronous API. Each call
// returns a started StripeJob (a child of the client) whose finished(StripeResult) carries
// Stripe's object as JSON, or an mp::Error built from Stripe's error body (job->stripeError()
// has type, code, decline_code and param).
//
// Threads: a client and its jobs belong to the thread that created the client, which must run
// an event loop; it owns one QNetworkAccessManager for that thread. Give each thread its own
// client (the service's main thread one, a job worker another: see stripe_blocking.h).
//
// POSTs need a caller-chosen idempotency key, derived from what the call is for (an invoice's
// checkout attempt, a refund request id), so a double click or a retried job makes one object.
class StripeClient : public QObject {
    Q_OBJECT
public:
    explicit StripeClient(StripeSettings settings, QObject *parent = nullptr);

    const StripeSettings &settings() const { return m_settings; }

    StripeJob *createCheckoutSession(const CheckoutSessionParams &params, const QString &idempotencyKey);
    StripeJob *retrieveCheckoutSession(const QString &sessionId);
    StripeJob *createRefund(const RefundParams &params, const QString &idempotencyKey);
    StripeJob *retrievePaymentIntent(const QString &paymentIntentId);
    // Saved cards and off-session charges (stripe.md section 8).
    StripeJob *createCustomer(const CustomerParams &params, const QString &idempotencyKey);
    StripeJob *listCustomerCards(const QString &customerId); // GET /v1/customers/{id}/payment_methods
    StripeJob *detachPaymentMethod(const QString &paymentMethodId, const QString &idempotencyKey);
    StripeJob *chargeOffSession(const OffSessionChargeParams &params, const QString &idempotencyKey);
    StripeJob *listWebhookEndpoints(); // the first 100

    // The building blocks of the above, for calls not wrapped yet.
    StripeJob *post(const QString &path, const stripe::FormParams &form, const QString &idempotencyKey);
    StripeJob *get(const QString &path);

private:
    StripeJob *failed(const Error &error);
    StripeJob *started(StripeJob *job);

    StripeSettings m_settings;
    QNetworkAccessManager *m_network;
};

} // namespace mp
