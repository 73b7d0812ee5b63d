#include "stripe/stripe_client.h"

#include "stripe/stripe_errors.h"

#include <QNetworkAccessManager>

namespace mp {

StripeClient::StripeClient(StripeSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
    // Sandbox mode has no account key: the emulator accepts any sk_test_ key.
    m_settings.secretKey = m_settings.requestKey();
}

StripeJob *StripeClient::started(StripeJob *job)
{
    job->start();
    return job;
}

StripeJob *StripeClient::failed(const Error &error)
{
    return started(new StripeJob(error, this));
}

StripeJob *StripeClient::post(const QString &path, const stripe::FormParams &form,
                              const QString &idempotencyKey)
{
    // Idempotency keys are at most 255 characters (Stripe's limit).
    if (idempotencyKey.trimmed().isEmpty() || idempotencyKey.size() > 255)
        return failed(
            makeError(errors::StripeInvalidParams,
                      QStringLiteral("a POST to Stripe needs an idempotency key of 1 to 255 characters"),
                      QStringLiteral("Idempotency-Key")));
    return started(new StripeJob(m_network, m_settings,
                                 StripeJob::Request{"POST", path, form.encode(), idempotencyKey}, this));
}

StripeJob *StripeClient::get(const QString &path)
{
    return started(new StripeJob(m_network, m_settings, StripeJob::Request{"GET", path, {}, {}}, this));
}

StripeJob *StripeClient::createCheckoutSession(const CheckoutSessionParams &params,
                                               const QString &idempotencyKey)
{
    auto form = params.toForm();
    if (!form)
        return failed(form.error());
    return post(QStringLiteral("/v1/checkout/sessions"), form.value(), idempotencyKey);
}

StripeJob *StripeClient::retrieveCheckoutSession(const QString &sessionId)
{
    if (!stripe::isValidObjectId(sessionId))
        return failed(makeError(errors::StripeInvalidParams, QStringLiteral("not a Checkout Session id"),
                                QStringLiteral("session")));
    return get(QStringLiteral("/v1/checkout/sessions/") + sessionId);
}

StripeJob *StripeClient::createRefund(const RefundParams &params, const QString &idempotencyKey)
{
    auto form = params.toForm();
    if (!form)
        return failed(form.error());
    return post(QStringLiteral("/v1/refunds"), form.value(), idempotencyKey);
}

StripeJob *StripeClient::retrievePaymentIntent(const QString &paymentIntentId)
{
    if (!stripe::isValidObjectId(paymentIntentId))
        return failed(makeError(errors::StripeInvalidParams, QStringLiteral("not a PaymentIntent id"),
                                QStringLiteral("intent")));
    return get(QStringLiteral("/v1/payment_intents/") + paymentIntentId);
}

StripeJob *StripeClient::createCustomer(const CustomerParams &params, const QString &idempotencyKey)
{
    auto form = params.toForm();
    if (!form)
        return failed(form.error());
    return post(QStringLiteral("/v1/customers"), form.value(), idempotencyKey);
}

StripeJob *StripeClient::listCustomerCards(const QString &customerId)
{
    if (!stripe::isValidObjectId(customerId))
        return failed(makeError(errors::StripeInvalidParams, QStringLiteral("not a Customer id"),
                                QStringLiteral("customer")));
    // The customer-scoped path is the one Stripe documents for a customer's cards (stripe.md 8.3).
    return get(QStringLiteral("/v1/customers/%1/payment_methods?type=card&limit=100").arg(customerId));
}

StripeJob *StripeClient::detachPaymentMethod(const QString &paymentMethodId, const QString &idempotencyKey)
{
    if (!stripe::isValidObjectId(paymentMethodId))
        return failed(makeError(errors::StripeInvalidParams, QStringLiteral("not a PaymentMethod id"),
                                QStringLiteral("payment_method")));
    return post(QStringLiteral("/v1/payment_methods/%1/detach").arg(paymentMethodId), {}, idempotencyKey);
}

StripeJob *StripeClient::chargeOffSession(const OffSessionChargeParams &params, const QString &idempotencyKey)
{
    auto form = params.toForm();
    if (!form)
        return failed(form.error());
    return post(QStringLiteral("/v1/payment_intents"), form.value(), idempotencyKey);
}

StripeJob *StripeClient::listWebhookEndpoints()
{
    return get(QStringLiteral("/v1/webhook_endpoints?limit=100"));
}

} // namespace mp
