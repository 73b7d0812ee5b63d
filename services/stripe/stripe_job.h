#pragma once

#include "core/result.h"
#include "stripe/stripe_error.h"
#include "stripe/stripe_settings.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp {

using StripeResult = Result<QJsonObject>;

// One Stripe REST call as one QObject (after ownCloud's AbstractNetworkJob): it owns its
// timeout, its retries and abort, and emits finished() exactly once, always from the event loop
// (never from inside start()), so a caller may connect after the StripeClient handed it out.
// It lives in the thread of the QNetworkAccessManager it uses and deletes itself after
// finished() unless setAutoDelete(false).
//
// Retries (stripe.md section 5, after stripe-node's RequestSender): on no answer (network
// error, timeout), 409 (same idempotency key still in flight), 429 and 5xx, unless the answer
// carries `Stripe-Should-Retry: false`; `Stripe-Should-Retry: true` makes any answer retryable.
// Never on 400/401/402/403/404. Every attempt sends the same Idempotency-Key, so a POST that
// reached Stripe before the connection broke is replayed, not repeated.
class StripeJob : public QObject {
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
    ~StripeJob() override;

    void start();
    // Cancels the call; finished() then reports stripe_aborted. Whether Stripe already acted on a
    // POST is unknown then: repeat it with the same idempotency key to find out.
    void abort();
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    bool isFinished() const { return m_result.has_value(); }
    // Valid once finished.
    const StripeResult &result() const { return *m_result; }
    // Stripe's structured error (type, code, decline_code, param...) when the result is an error
    // that came from Stripe or the transport; default-constructed otherwise.
    const stripe::StripeError &stripeError() const { return m_stripeError; }
    int attempts() const { return m_attempt; }
    const Request &request() const { return m_request; }

Q_SIGNALS:
    void finished(const mp::StripeResult &result);

private:
    void sendAttempt();
    void onReplyFinished();
    void onTimeout();
    void retryOrFail(const stripe::StripeError &error, bool retryable, int retryAfterSeconds);
    void finish(StripeResult result);
    int backoffMs(int retryAfterSeconds) const;

    QPointer<QNetworkAccessManager> m_network;
    StripeSettings m_settings;
    Request m_request;
    std::optional<Error> m_presetError;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_backoff;
    QElapsedTimer m_elapsed;
    int m_attempt = 0;
    bool m_started = false;
    bool m_timedOut = false;
    bool m_aborted = false;
    bool m_autoDelete = true;
    std::optional<StripeResult> m_result;
    stripe::StripeError m_stripeError;
};

} // namespace mp
