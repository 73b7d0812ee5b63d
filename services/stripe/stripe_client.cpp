#include "stripe/stripe_client.h"

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
            makeError(QStringLiteral("stripe_invalid_params"),
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
        return failed(makeError(QStringLiteral("stripe_invalid_params"),
                                QStringLiteral("not a Checkout Session id"), QStringLiteral("session")));
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
        return failed(makeError(QStringLiteral("stripe_invalid_params"),
                                QStringLiteral("not a PaymentIntent id"), QStringLiteral("intent")));
    return get(QStringLiteral("/v1/payment_intents/") + paymentIntentId);
}

} // namespace mp
