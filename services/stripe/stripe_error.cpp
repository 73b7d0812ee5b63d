#include "stripe/stripe_error.h"

#include "stripe/stripe_errors.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mp::stripe {

ErrorCode errorKindCode(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Network:
        return errors::StripeNetworkError;
    case ErrorKind::Timeout:
        return errors::StripeTimeout;
    case ErrorKind::Aborted:
        return errors::StripeAborted;
    case ErrorKind::InvalidRequest:
        return errors::StripeInvalidRequest;
    case ErrorKind::Authentication:
        return errors::StripeAuthenticationError;
    case ErrorKind::Card:
        return errors::StripeCardError;
    case ErrorKind::Permission:
        return errors::StripePermissionError;
    case ErrorKind::Conflict:
        return errors::StripeConflict;
    case ErrorKind::RateLimit:
        return errors::StripeRateLimit;
    case ErrorKind::Idempotency:
        return errors::StripeIdempotencyError;
    case ErrorKind::Api:
        return errors::StripeApiError;
    case ErrorKind::InvalidResponse:
        return errors::StripeInvalidResponse;
    }
    return errors::StripeApiError;
}

static ErrorKind classify(int status, const QString &type, const QString &code)
{
    if (status == 429 || (status == 400 && code == QLatin1String("rate_limit")))
        return ErrorKind::RateLimit;
    if (status == 400 || status == 404)
        return type == QLatin1String("idempotency_error") ? ErrorKind::Idempotency
                                                          : ErrorKind::InvalidRequest;
    if (status == 401)
        return ErrorKind::Authentication;
    if (status == 402)
        return ErrorKind::Card;
    if (status == 403)
        return ErrorKind::Permission;
    if (status == 409)
        return ErrorKind::Conflict;
    return ErrorKind::Api;
}

StripeError StripeError::fromResponse(int httpStatus, const QByteArray &body, const QByteArray &requestId)
{
    StripeError e;
    e.httpStatus = httpStatus;
    e.requestId = QString::fromLatin1(requestId);
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    e.type = error.value(QStringLiteral("type")).toString();
    e.code = error.value(QStringLiteral("code")).toString();
    e.declineCode = error.value(QStringLiteral("decline_code")).toString();
    e.message = error.value(QStringLiteral("message")).toString();
    e.param = error.value(QStringLiteral("param")).toString();
    e.charge = error.value(QStringLiteral("charge")).toString();
    e.docUrl = error.value(QStringLiteral("doc_url")).toString();
    e.paymentIntent =
        error.value(QStringLiteral("payment_intent")).toObject().value(QStringLiteral("id")).toString();
    if (e.message.isEmpty())
        e.message = QStringLiteral("HTTP %1 without a Stripe error body").arg(httpStatus);
    e.kind = classify(httpStatus, e.type, e.code);
    return e;
}

StripeError StripeError::transport(ErrorKind kind, const QString &message)
{
    StripeError e;
    e.kind = kind;
    e.message = message;
    return e;
}

Error StripeError::toError() const
{
    QString text = QStringLiteral("Stripe: %1").arg(message);
    QStringList details;
    if (!code.isEmpty())
        details << code;
    if (!declineCode.isEmpty())
        details << declineCode;
    if (httpStatus != 0)
        details << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!requestId.isEmpty())
        details << requestId;
    if (!details.isEmpty())
        text += QStringLiteral(" (%1)").arg(details.join(QStringLiteral(", ")));
    return makeError(errorKindCode(kind), text, param);
}

} // namespace mp::stripe
