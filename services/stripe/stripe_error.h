#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace mp::stripe {

// What went wrong, classified by HTTP status first and Stripe's `type` second, because a 401
// body may say `type=invalid_request_error` (stripe.md section 5, after stripe-node's
// generateV1Error).
enum class ErrorKind {
    Network,        // no HTTP answer: refused, reset, DNS, TLS
    Timeout,        // no complete answer in time
    Aborted,        // the caller aborted the job
    InvalidRequest, // 400, 404: bad or unknown parameter, missing object
    Authentication, // 401: no or bad API key
    Card,           // 402: valid request that failed, e.g. a declined card
    Permission,     // 403: the key may not do this
    Conflict,       // 409: the same idempotency key is still in flight
    RateLimit,      // 429, or 400 with code=rate_limit
    Idempotency,    // 400 with type=idempotency_error: a key reused with other parameters
    Api,            // 5xx and anything else
    InvalidResponse // a 2xx whose body is not a JSON object
};

// Stripe's error object (`{"error": {...}}`) plus what the transport knew.
struct StripeError {
    ErrorKind kind = ErrorKind::Api;
    int httpStatus = 0;    // 0 when there was no HTTP answer
    QString type;          // Stripe's error.type, e.g. card_error
    QString code;          // e.g. card_declined, parameter_missing, resource_missing
    QString declineCode;   // e.g. insufficient_funds
    QString message;       // Stripe's own, meant for people
    QString param;         // the offending parameter, e.g. line_items[0][price_data][currency]
    QString charge;        // ch_... on card errors
    QString paymentIntent; // pi_... on a declined PaymentIntent (error.payment_intent.id)
    QString docUrl;
    QString requestId; // the Request-Id response header

    static StripeError fromResponse(int httpStatus, const QByteArray &body, const QByteArray &requestId);
    static StripeError transport(ErrorKind kind, const QString &message);

    // The mp::Error the rest of mPanel handles: code is stable per kind (stripe_card_error...),
    // message reads well on its own, field is Stripe's `param`.
    Error toError() const;
};

ErrorCode errorKindCode(ErrorKind kind);

} // namespace mp::stripe
