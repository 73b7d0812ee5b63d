#include "payments/stripe_webhook.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "core/storable_text.h"
#include "db/sql.h"
#include "db/statement_cache.h"
#include "db/tenant_transaction.h"
#include "payments/payment_effects.h"
#include "stripe/stripe_errors.h"
#include "stripe/stripe_event.h"
#include "stripe/stripe_signature.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mp::payments {

namespace {

// The event stored once (by its Stripe id) and routed to its tenant, in one statement.
const auto kStoreAndRoute = QStringLiteral(R"sql(
WITH stored AS (
  INSERT INTO stripe_events (id, type, livemode, payment_intent, payload, received_at)
  VALUES (?, ?, ?, ?, ?::jsonb, ?::timestamptz)
  ON CONFLICT (id) DO NOTHING
  RETURNING id)
SELECT EXISTS (SELECT 1 FROM stored), mpanel_stripe_event_tenant(?::uuid, ?, ?)
)sql");
// From inside the tenant's transaction (migration 0029): records the outcome and returns the
// payment's unrouted events, locked.
const auto kRoutedDone =
    QStringLiteral("SELECT id, payload FROM mpanel_stripe_event_done(?, ?, ?::timestamptz, ?)");
// On the service's own login, for an event no tenant could be found for.
const auto kDone = QStringLiteral(
    "UPDATE stripe_events SET processed_at = ?::timestamptz, tenant_id = ?::uuid, result = ? WHERE id = ?");

// Refused requests are logged at most once a second (plus a count of those not logged), so a
// flood of forged requests cannot flood the log.
void logRefusal(const QString &code, const QString &message)
{
    static QMutex mutex;
    static QElapsedTimer last;
    static qint64 suppressed = 0;
    QMutexLocker lock(&mutex);
    if (last.isValid() && last.elapsed() < 1000) {
        ++suppressed;
        return;
    }
    last.start();
    JsonLog::write(QStringLiteral("stripe_webhook_refused"),
                   {{QStringLiteral("code"), code},
                    {QStringLiteral("message"), message},
                    {QStringLiteral("suppressed_before"), suppressed}});
    suppressed = 0;
}

WebhookOutcome refused(const Error &error)
{
    logRefusal(error.code, error.message);
    WebhookOutcome o;
    o.status = 400;
    o.result = error.code;
    o.refusal = error;
    return o;
}

WebhookOutcome failed(QSqlDatabase &db, const QString &eventId, const Error &error)
{
    db.rollback();
    JsonLog::write(QStringLiteral("stripe_webhook_failed"),
                   {{QStringLiteral("event"), eventId}, {QStringLiteral("message"), error.message}});
    WebhookOutcome o;
    o.status = 500;
    o.eventId = eventId;
    o.result = QStringLiteral("internal");
    return o;
}

QJsonValue repairedJson(const QJsonValue &value);

QJsonObject repairedObject(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(StorableText::repaired(it.key()), repairedJson(it.value()));
    return out;
}

// The event as it can be stored: every string with its NUL characters and lone surrogates
// replaced by U+FFFD (jsonb refuses \u0000 and lone surrogates, and the event must be stored to
// be acted on exactly once).
QJsonValue repairedJson(const QJsonValue &value)
{
    if (value.isString())
        return StorableText::repaired(value.toString());
    if (value.isObject())
        return repairedObject(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(repairedJson(v));
        return out;
    }
    return value;
}

// A verified body as stored and processed. Decided here, once: text Stripe carries from
// customers (names, descriptions, metadata) may hold anything, so a NUL or lone surrogate in it
// is repaired and the event is stored and applied (2xx) rather than refused, which would make
// Stripe retry a real payment for days and then drop it. An id or type that cannot be Stripe's
// (stripe_events.id is [A-Za-z0-9_]{1,255}, type 1 to 200 characters) is refused for good with
// a 4xx naming the field: there is nothing to key the event by, and nothing is written.
Result<QByteArray> storableEventBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return body; // parseStripeEvent answers this one
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_]{1,255}$"));
    const QJsonValue id = doc.object().value(QStringLiteral("id"));
    if (id.isString() && !idPattern.match(id.toString()).hasMatch())
        return makeError(errors::StripeEventInvalid,
                         QStringLiteral("the event id is not a Stripe event id (letters, digits and _, "
                                        "at most 255)"),
                         QStringLiteral("id"));
    const QJsonValue type = doc.object().value(QStringLiteral("type"));
    if (type.isString() && (!StorableText::isStorable(type.toString()) || type.toString().size() > 200))
        return makeError(errors::StripeEventInvalid,
                         QStringLiteral("the event type is not a Stripe event type"), QStringLiteral("type"));
    const QJsonObject repaired = repairedObject(doc.object());
    if (repaired == doc.object())
        return body; // stored as Stripe sent it
    return QJsonDocument(repaired).toJson(QJsonDocument::Compact);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// Records what processing did with a routed event and returns the events about its payment that
// came before anything named their tenant (a charge event without mPanel's metadata ahead of the
// session's completion), for the caller to apply in this transaction.
Result<QList<QPair<QString, QByteArray>>> routedDone(TenantTransaction &tx, const QString &eventId,
                                                     const QString &result, const QString &at,
                                                     const QString &paymentIntent)
{
    auto done = sql::exec(tx.db(), kRoutedDone, {eventId, result, at, textOrNull(paymentIntent)});
    if (!done)
        return done.error();
    QList<QPair<QString, QByteArray>> unrouted;
    while (done->next())
        unrouted.append({done->value(0).toString(), done->value(1).toString().toUtf8()});
    done->finish();
    return unrouted;
}

// Applies the unrouted events now that the payment is known, so the end state does not depend
// on delivery order; each is recorded as replayed.
Status replayUnrouted(TenantTransaction &tx, const QList<QPair<QString, QByteArray>> &events,
                      const QDateTime &now)
{
    const QString at = now.toUTC().toString(Qt::ISODateWithMs);
    for (const auto &[id, payload] : events) {
        auto event = parseStripeEvent(payload);
        QString result = QStringLiteral("invalid");
        if (event) {
            auto applied = PaymentEffects::apply(tx, *event, now);
            if (!applied)
                return applied.error();
            result = *applied + QStringLiteral(" (replayed)");
        }
        if (auto r = routedDone(tx, id, result, at, QString()); !r)
            return r.error();
    }
    return {};
}

} // namespace

WebhookOutcome StripeWebhook::receive(const QSqlDatabase &database, const QByteArray &signatureHeader,
                                      const QByteArray &body, const QList<QByteArray> &secrets,
                                      const QDateTime &now)
{
    if (auto verified = stripe::verifySignature(signatureHeader, body, secrets); !verified)
        return refused(verified.error());
    auto storable = storableEventBody(body);
    if (!storable)
        return refused(storable.error());
    auto parsed = parseStripeEvent(*storable);
    if (!parsed)
        return refused(parsed.error());
    const StripeEvent &event = *parsed;
    const QString at = now.toUTC().toString(Qt::ISODateWithMs);

    // The same dozen statements for every event, on this thread's own connection: keep them
    // prepared (one round trip each instead of three).
    const sql::ScopedStatementCache statements;
    QSqlDatabase db = database;
    if (!db.transaction())
        return failed(db, event.id,
                      sql::fromSqlError(db.lastError(), QStringLiteral("beginning a transaction")));
    const QString paymentIntent = event.paymentIntentId();
    const QString invoiceId = invoiceIdOf(event);
    const QString sessionId =
        event.objectType() == QLatin1String("checkout.session") ? event.objectId() : QString();
    auto stored = sql::exec(db, kStoreAndRoute,
                            {event.id, event.type, event.livemode, textOrNull(paymentIntent),
                             QString::fromUtf8(*storable), at, textOrNull(invoiceId),
                             textOrNull(paymentIntent), textOrNull(sessionId)});
    if (!stored)
        return failed(db, event.id, stored.error());
    if (!stored->next())
        return failed(db, event.id,
                      makeError(errors::Internal, QStringLiteral("storing the event returned no row")));
    const bool isNew = stored->value(0).toBool();
    const QString tenantId = stored->value(1).toString();
    stored->finish();
    if (!isNew) {
        if (!db.commit())
            return failed(db, event.id, sql::fromSqlError(db.lastError(), QStringLiteral("committing")));
        WebhookOutcome o;
        o.eventId = event.id;
        o.result = QStringLiteral("duplicate");
        o.duplicate = true;
        return o;
    }

    QString result = QStringLiteral("unrouted");
    if (!tenantId.isEmpty()) {
        auto tx = TenantTransaction::enter(db, tenantId);
        if (!tx)
            return failed(db, event.id, tx.error());
        auto applied = PaymentEffects::apply(tx.value(), event, now);
        if (!applied) {
            tx->rollback();
            return failed(db, event.id, applied.error());
        }
        result = *applied;
        auto unrouted = routedDone(tx.value(), event.id, result, at, paymentIntent);
        if (!unrouted)
            return failed(db, event.id, unrouted.error());
        if (auto s = replayUnrouted(tx.value(), *unrouted, now); !s)
            return failed(db, event.id, s.error());
        if (auto s = tx->commit(); !s)
            return failed(db, event.id, s.error());
    } else {
        if (auto r = sql::exec(db, kDone, {at, QVariant(), result, event.id}); !r)
            return failed(db, event.id, r.error());
        if (!db.commit())
            return failed(db, event.id, sql::fromSqlError(db.lastError(), QStringLiteral("committing")));
    }
    WebhookOutcome o;
    o.eventId = event.id;
    o.result = result;
    return o;
}

} // namespace mp::payments
