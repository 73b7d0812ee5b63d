#include "stripe/stripe_event.h"

#include <QJsonDocument>

namespace mp {

static Error invalid(const QString &message)
{
    return makeError(QStringLiteral("stripe_event_invalid"), message);
}

Result<StripeEvent> parseStripeEvent(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject())
        return invalid(QStringLiteral("the body is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("object")).toString() != QLatin1String("event"))
        return invalid(QStringLiteral("the body is not a Stripe event"));
    StripeEvent e;
    e.id = root.value(QStringLiteral("id")).toString();
    e.type = root.value(QStringLiteral("type")).toString();
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    e.object = data.value(QStringLiteral("object")).toObject();
    if (e.id.isEmpty() || e.type.isEmpty() || e.object.isEmpty())
        return invalid(QStringLiteral("a Stripe event needs id, type and data.object"));
    e.previousAttributes = data.value(QStringLiteral("previous_attributes")).toObject();
    e.apiVersion = root.value(QStringLiteral("api_version")).toString();
    e.created = root.value(QStringLiteral("created")).toInteger();
    e.livemode = root.value(QStringLiteral("livemode")).toBool();
    const QJsonObject request = root.value(QStringLiteral("request")).toObject();
    e.requestId = request.value(QStringLiteral("id")).toString();
    e.idempotencyKey = request.value(QStringLiteral("idempotency_key")).toString();
    return e;
}

QString StripeEvent::objectType() const
{
    return object.value(QStringLiteral("object")).toString();
}

QString StripeEvent::objectId() const
{
    return object.value(QStringLiteral("id")).toString();
}

QString StripeEvent::paymentIntentId() const
{
    if (objectType() == QLatin1String("payment_intent"))
        return objectId();
    // Sessions, charges, refunds and disputes name theirs in `payment_intent`; older API
    // versions may expand it into an object.
    const QJsonValue pi = object.value(QStringLiteral("payment_intent"));
    if (pi.isObject())
        return pi.toObject().value(QStringLiteral("id")).toString();
    return pi.toString();
}

} // namespace mp
