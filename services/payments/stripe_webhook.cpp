#include "payments/stripe_webhook.h"

#include "core/json_log.h"
#include "db/sql.h"
#include "db/statement_cache.h"
#include "db/tenant_transaction.h"
#include "payments/payment_effects.h"
#include "stripe/stripe_event.h"
#include "stripe/stripe_signature.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSqlQuery>

namespace mp::payments {

namespace {

const auto kStore = QStringLiteral(R"sql(
INSERT INTO stripe_events (id, type, livemode, payment_intent, payload, received_at)
VALUES (?, ?, ?, ?, ?::jsonb, ?::timestamptz)
ON CONFLICT (id) DO NOTHING
RETURNING id
)sql");
const auto kRoute = QStringLiteral("SELECT mpanel_stripe_event_tenant(?::uuid, ?, ?)");
// Back to the service's own login (from mpanel_app) to write the global event row.
const auto kLeaveTenant = QStringLiteral("SET LOCAL ROLE NONE");
const auto kEnterTenantRole = QStringLiteral("SET LOCAL ROLE mpanel_app");
const auto kUnrouted = QStringLiteral(
    "SELECT id, payload::text FROM stripe_events WHERE payment_intent = ? AND result = 'unrouted' "
    "ORDER BY received_at, id FOR UPDATE");
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

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// Events about this payment that came before anything named their tenant (a charge event
// without mPanel's metadata ahead of the session's completion): now that the payment is known,
// they are applied in this transaction, so the end state does not depend on delivery order.
// Runs as the service's own login and enters the tenant for each one.
Status replayUnrouted(TenantTransaction &tx, const QString &paymentIntent, const QDateTime &now)
{
    if (paymentIntent.isEmpty())
        return {};
    auto pending = sql::exec(tx.db(), kUnrouted, {paymentIntent});
    if (!pending)
        return pending.error();
    QList<QPair<QString, QByteArray>> events;
    while (pending->next())
        events.append({pending->value(0).toString(), pending->value(1).toString().toUtf8()});
    pending->finish();
    const QString at = now.toUTC().toString(Qt::ISODateWithMs);
    for (const auto &[id, payload] : std::as_const(events)) {
        auto event = parseStripeEvent(payload);
        QString result = QStringLiteral("invalid");
        if (event) {
            if (auto r = sql::exec(tx.db(), kEnterTenantRole); !r)
                return r.error();
            auto applied = PaymentEffects::apply(tx, *event, now);
            if (!applied)
                return applied.error();
            result = *applied + QStringLiteral(" (replayed)");
            if (auto r = sql::exec(tx.db(), kLeaveTenant); !r)
                return r.error();
        }
        if (auto r = sql::exec(tx.db(), kDone, {at, tx.tenantId(), result, id}); !r)
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
    auto parsed = parseStripeEvent(body);
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
    auto stored = sql::exec(
        db, kStore,
        {event.id, event.type, event.livemode, textOrNull(paymentIntent), QString::fromUtf8(body), at});
    if (!stored)
        return failed(db, event.id, stored.error());
    if (!stored->next()) {
        stored->finish();
        if (!db.commit())
            return failed(db, event.id, sql::fromSqlError(db.lastError(), QStringLiteral("committing")));
        WebhookOutcome o;
        o.eventId = event.id;
        o.result = QStringLiteral("duplicate");
        o.duplicate = true;
        return o;
    }
    stored->finish();

    const QString invoiceId = invoiceIdOf(event);
    const QString sessionId =
        event.objectType() == QLatin1String("checkout.session") ? event.objectId() : QString();
    auto route =
        sql::exec(db, kRoute, {textOrNull(invoiceId), textOrNull(paymentIntent), textOrNull(sessionId)});
    if (!route)
        return failed(db, event.id, route.error());
    const QString tenantId = route->next() ? route->value(0).toString() : QString();
    route->finish();

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
        if (auto r = sql::exec(db, kLeaveTenant); !r)
            return failed(db, event.id, r.error());
        if (auto r = sql::exec(db, kDone, {at, tenantId, result, event.id}); !r)
            return failed(db, event.id, r.error());
        if (auto s = replayUnrouted(tx.value(), paymentIntent, now); !s)
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
