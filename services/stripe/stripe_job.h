#pragma once

#include "core/result.h"
#include "provider_call/provider_call.h"
#include "stripe/stripe_error.h"
#include "stripe/stripe_settings.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace mp {

using StripeResult = Result<QJsonObject>;

// One Stripe REST call. ProviderCall owns its timeout, its retries, abort and the lifecycle:
// finished() exactly once, always from the event loop (never from inside start()), so a caller
// may connect after the StripeClient handed it out; it lives in the thread of the
// QNetworkAccessManager it uses and deletes itself after finished() unless
// setAutoDelete(false). This supplies Stripe's request and its error shapes.
//
// Retries (stripe.md section 5, after stripe-node's RequestSender): on no answer (network
// error, timeout), 409 (same idempotency key still in flight), 429 and 5xx, unless the answer
// carries `Stripe-Should-Retry: false`; `Stripe-Should-Retry: true` makes any answer retryable.
// Never on 400/401/402/403/404. Every attempt sends the same Idempotency-Key, so a POST that
// reached Stripe before the connection broke is replayed, not repeated; that key is what makes
// a POST safe to repeat, and a POST without one is sent exactly once.
class StripeJob : public ProviderCall {
    Q_OBJECT
public:
    struct Request {
        QByteArray method; // "GET" or "POST"
        QString path;      // "/v1/checkout/sessions"
        QByteArray body;   // form-encoded, POST only
        QString idempotencyKey;
    };

    StripeJob(QNetworkAccessManager *network, const StripeSettings &settings, Request request,
              QObject *parent = nullptr);
    // A job that fails with `error` without touching the network (bad parameters).
    StripeJob(const Error &error, QObject *parent = nullptr);

    // Valid once finished. After abort() (stripe_aborted), whether Stripe already acted on a
    // POST is unknown: repeat it with the same idempotency key to find out.
    const StripeResult &result() const { return *m_result; }
    // Stripe's structured error (type, code, decline_code, param...) when the result is an error
    // that came from Stripe or the transport; default-constructed otherwise.
    const stripe::StripeError &stripeError() const { return m_stripeError; }
    const Request &request() const { return m_request; }

Q_SIGNALS:
    void finished(const mp::StripeResult &result);

protected:
    QNetworkRequest buildRequest() override;
    Outcome interpretAnswer(QNetworkReply &reply) override;
    Outcome interpretFailure(const TransportFailure &failure) override;
    void emitFinished() override;

private:
    void fail(const stripe::StripeError &error);

    StripeSettings m_settings;
    Request m_request;
    std::optional<StripeResult> m_result;
    stripe::StripeError m_stripeError;
};

} // namespace mp
