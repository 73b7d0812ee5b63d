#include "payments/renewal_charges.h"

#include "core/errors.h"
#include "db/side_connection.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "payments/payment_effects.h"
#include "payments/saved_cards.h"
#include "stripe/stripe_blocking.h"
#include "stripe/stripe_event.h"

#include <QJsonArray>
#include <QMutex>
#include <QProcessEnvironment>
#include <QSqlQuery>

#include <optional>

namespace mp::payments {

namespace {

QMutex g_mutex;
std::optional<Config> g_config;

// Renewal invoices due by tomorrow, of customers known at Stripe, not yet scheduled (a pinned
// attempt whose run died had its schedule rolled back with it: it is scheduled again). The cards
// are looked up at Stripe before the first attempt is set, so a card saved in Checkout counts.
const auto kToSchedule = QStringLiteral(R"sql(
SELECT i.id::text, i.customer_id::text, sc.stripe_customer
FROM invoices i
JOIN stripe_customers sc ON sc.customer_id = i.customer_id
WHERE i.status = 'unpaid' AND i.collection_retry_at IS NULL AND i.due_date <= ?::date + 1
  AND EXISTS (SELECT 1 FROM subscription_invoices si WHERE si.invoice_id = i.id AND si.kind = 'renewal')
  AND NOT EXISTS (SELECT 1 FROM renewal_charges rc WHERE rc.invoice_id = i.id AND rc.state <> 'in_flight')
ORDER BY i.due_date, i.id
LIMIT ?
)sql");

// The first attempt: the start of the due date in the tenant's time zone.
const auto kSchedule = QStringLiteral(R"sql(
UPDATE invoices i SET collection_retry_at = (i.due_date::timestamp AT TIME ZONE t.time_zone)
FROM tenants t WHERE t.id = i.tenant_id AND i.id = ?::uuid AND i.collection_retry_at IS NULL
)sql");

// NO KEY UPDATE, not UPDATE: racing runs still skip each other's invoices, but the pin (below)
// can insert its renewal_charges row, whose foreign key needs a KEY SHARE lock on the invoice.
const auto kDue = QStringLiteral(R"sql(
SELECT i.id::text, i.customer_id::text, i.total_minor, i.currency, i.number, sc.stripe_customer,
       (SELECT count(*) FROM renewal_charges rc WHERE rc.invoice_id = i.id AND rc.state <> 'in_flight'),
       (i.due_date::timestamp AT TIME ZONE t.time_zone),
       pin.payment_method, pin.amount_minor, pin.currency
FROM invoices i
JOIN stripe_customers sc ON sc.customer_id = i.customer_id
JOIN tenants t ON t.id = i.tenant_id
LEFT JOIN LATERAL (SELECT rc.payment_method, rc.amount_minor, rc.currency FROM renewal_charges rc
                   WHERE rc.invoice_id = i.id AND rc.state = 'in_flight'
                   ORDER BY rc.attempt DESC LIMIT 1) pin ON true
WHERE i.status = 'unpaid' AND i.collection_retry_at <= ?::timestamptz
ORDER BY i.collection_retry_at, i.id
LIMIT ?
FOR NO KEY UPDATE OF i SKIP LOCKED
)sql");

// The attempt's parameters, committed before Stripe is called (on a side connection).
const auto kPin = QStringLiteral(R"sql(
INSERT INTO renewal_charges (tenant_id, invoice_id, attempt, payment_method, amount_minor, currency, state,
                             created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, 'in_flight', ?::timestamptz)
ON CONFLICT (tenant_id, invoice_id, attempt) DO NOTHING
)sql");

const auto kRecord = QStringLiteral(R"sql(
INSERT INTO renewal_charges (tenant_id, invoice_id, attempt, payment_method, amount_minor, currency, state,
                             payment_intent, decline_code, message, created_at, finished_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz)
ON CONFLICT (tenant_id, invoice_id, attempt) DO UPDATE
SET state = EXCLUDED.state, payment_intent = EXCLUDED.payment_intent, decline_code = EXCLUDED.decline_code,
    message = EXCLUDED.message, finished_at = EXCLUDED.finished_at
)sql");

const auto kRetryAt =
    QStringLiteral("UPDATE invoices SET collection_retry_at = ?::timestamptz WHERE id = ?::uuid");
const auto kRetryDays = QStringLiteral("SELECT retry_days FROM payment_settings");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

struct DueInvoice {
    QString id;
    QString customerId;
    qint64 amount = 0;
    QString currency;
    QString number;
    QString stripeCustomer;
    int attempt = 1; // the one to make now
    QDateTime dueStart;
    // Set when this attempt was made before and did not commit its outcome (a crash, no answer
    // from Stripe): it is made again with exactly these parameters, whatever the customer's
    // default card is now, so the same Idempotency-Key meets the same request and Stripe replays
    // the first answer instead of refusing the key (or charging a second card).
    QString pinnedPaymentMethod;
};

// Commits the attempt's parameters on a connection of its own before Stripe is called: a run
// that dies after Stripe charged leaves them behind for the next run.
Status pin(const QSqlDatabase &side, const QString &tenantId, const DueInvoice &inv,
           const QString &paymentMethod, const QDateTime &now)
{
    auto tx = TenantTransaction::begin(side, tenantId);
    if (!tx)
        return tx.error();
    if (auto q = sql::exec(tx->db(), kPin,
                           {tenantId, inv.id, inv.attempt, paymentMethod, inv.amount, inv.currency,
                            now.toUTC().toString(Qt::ISODateWithMs)});
        !q)
        return q.error();
    return tx->commit();
}

Status savepoint(TenantTransaction &tx, const char *statement)
{
    auto q = sql::exec(tx.db(), QString::fromLatin1(statement));
    if (!q)
        return q.error();
    return {};
}

Status setRetry(TenantTransaction &tx, const QString &invoiceId, const QDateTime &at)
{
    const QVariant when = at.isValid() ? QVariant(ts(at)) : QVariant(QMetaType::fromType<QString>());
    if (auto q = sql::exec(tx.db(), kRetryAt, {when, invoiceId}); !q)
        return q.error();
    return {};
}

// The PaymentIntent as Stripe's event would carry it, for PaymentEffects.
StripeEvent intentEvent(const QString &type, QJsonObject intent, const DueInvoice &inv, const QString &tenant)
{
    QJsonObject metadata = intent.value(QStringLiteral("metadata")).toObject();
    metadata.insert(QStringLiteral("mpanel_invoice"), inv.id);
    metadata.insert(QStringLiteral("mpanel_tenant"), tenant);
    intent.insert(QStringLiteral("metadata"), metadata);
    intent.insert(QStringLiteral("object"), QStringLiteral("payment_intent"));
    StripeEvent event;
    event.type = type;
    event.object = intent;
    return event;
}

// One attempt on one invoice, inside the run's transaction: "charged", "declined", "exhausted",
// "no_card", or an error when Stripe gave no usable answer (retried next run, same key).
Result<QString> attempt(TenantTransaction &tx, const QSqlDatabase &side, const StripeSettings &settings,
                        const DueInvoice &inv, const QList<int> &retryDays, const QDateTime &now)
{
    QString paymentMethod = inv.pinnedPaymentMethod;
    if (paymentMethod.isEmpty()) {
        auto card = SavedCards::renewalCard(tx, inv.customerId);
        if (!card)
            return card.error();
        if (!*card) {
            // Nothing to charge: the customer pays by hand and dunning goes on as without a card.
            if (auto s = setRetry(tx, inv.id, {}); !s)
                return s.error();
            return QStringLiteral("no_card");
        }
        paymentMethod = (*card)->paymentMethod;
        if (auto s = pin(side, tx.tenantId(), inv, paymentMethod, now); !s)
            return s.error();
    }
    OffSessionChargeParams params;
    params.amount = inv.amount;
    params.currency = inv.currency;
    params.customer = inv.stripeCustomer;
    params.paymentMethod = paymentMethod;
    params.metadata = {{QStringLiteral("mpanel_invoice"), inv.id},
                       {QStringLiteral("mpanel_tenant"), tx.tenantId()},
                       {QStringLiteral("mpanel_invoice_number"), inv.number}};
    const QString key = RenewalCharges::idempotencyKey(inv.id, inv.attempt);
    stripe::StripeError detail;
    auto intent = runStripeCall(
        settings, [&](StripeClient &client) { return client.chargeOffSession(params, key); }, {}, &detail);

    const bool declined = !intent && (detail.kind == stripe::ErrorKind::Card ||
                                      detail.kind == stripe::ErrorKind::InvalidRequest);
    if (!intent && !declined)
        return intent.error();
    const bool succeeded =
        intent && intent->value(QStringLiteral("status")).toString() == QLatin1String("succeeded");
    QString declineCode, message, piId;
    if (succeeded) {
        piId = intent->value(QStringLiteral("id")).toString();
    } else if (intent) {
        // requires_action and the like: off-session, the customer has to come back.
        piId = intent->value(QStringLiteral("id")).toString();
        declineCode = QStringLiteral("authentication_required");
        message = QStringLiteral("the payment needs the customer");
    } else {
        piId = detail.paymentIntent;
        declineCode = detail.declineCode.isEmpty() ? detail.code : detail.declineCode;
        if (detail.code == QLatin1String("authentication_required"))
            declineCode = detail.code;
        if (declineCode.isEmpty())
            declineCode = QStringLiteral("payment_failed");
        message = detail.message.left(1000);
    }
    if (auto q =
            sql::exec(tx.db(), kRecord,
                      {tx.tenantId(), inv.id, inv.attempt, paymentMethod, inv.amount, inv.currency,
                       succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed"), textOrNull(piId),
                       textOrNull(declineCode), textOrNull(message), ts(now), ts(now)});
        !q)
        return q.error();

    if (succeeded) {
        if (auto s = setRetry(tx, inv.id, {}); !s)
            return s.error();
        auto applied = PaymentEffects::apply(
            tx, intentEvent(QStringLiteral("payment_intent.succeeded"), *intent, inv, tx.tenantId()), now);
        if (!applied)
            return applied.error();
        return QStringLiteral("charged");
    }

    // The next attempt, if the schedule has one; none: dunning takes over.
    QDateTime next;
    if (inv.attempt <= retryDays.size())
        next = std::max(now, inv.dueStart.addDays(retryDays.at(inv.attempt - 1)));
    if (auto s = setRetry(tx, inv.id, next); !s)
        return s.error();
    if (!piId.isEmpty()) {
        QJsonObject failed{
            {QStringLiteral("id"), piId},
            {QStringLiteral("amount"), inv.amount},
            {QStringLiteral("currency"), inv.currency.toLower()},
            {QStringLiteral("status"), QStringLiteral("requires_payment_method")},
            {QStringLiteral("last_payment_error"), QJsonObject{{QStringLiteral("code"), detail.code},
                                                               {QStringLiteral("decline_code"), declineCode},
                                                               {QStringLiteral("message"), message}}}};
        auto applied = PaymentEffects::apply(
            tx, intentEvent(QStringLiteral("payment_intent.payment_failed"), failed, inv, tx.tenantId()),
            now);
        if (!applied)
            return applied.error();
    }
    return next.isValid() ? QStringLiteral("declined") : QStringLiteral("exhausted");
}

} // namespace

QString RenewalCharges::idempotencyKey(const QString &invoiceId, int attempt)
{
    return QStringLiteral("mpanel-renewal-%1-%2").arg(invoiceId).arg(attempt);
}

Result<QList<int>> RenewalCharges::retryDays(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(), kRetryDays);
    if (!q)
        return q.error();
    if (!q->next())
        return QList<int>{1, 3, 5, 7};
    QList<int> days;
    // integer[] arrives as "{1,3,5,7}".
    QString text = q->value(0).toString();
    text.remove(u'{').remove(u'}');
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        days << part.toInt();
    std::sort(days.begin(), days.end());
    return days;
}

Result<ChargeRun> RenewalCharges::run(TenantTransaction &tx, const StripeSettings &settings,
                                      const QDateTime &now)
{
    ChargeRun run;
    if (!settings.canCall())
        return run;
    auto days = retryDays(tx);
    if (!days)
        return days.error();

    // 1. First attempts for renewal invoices whose customer saved a card.
    QList<QStringList> candidates;
    {
        auto q = sql::exec(tx.db(), kToSchedule, {now.toUTC().date().toString(Qt::ISODate), kInvoicesPerRun});
        if (!q)
            return q.error();
        while (q->next())
            candidates.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    }
    for (const QStringList &c : std::as_const(candidates)) {
        auto cards = SavedCards::fetch(settings, c.at(2));
        if (!cards) {
            run.errors << QStringLiteral("%1: %2").arg(c.at(0), cards.error().message);
            continue;
        }
        auto stored = SavedCards::sync(tx, c.at(1), *cards, now);
        if (!stored)
            return stored.error();
        if (stored->isEmpty())
            continue;
        auto q = sql::exec(tx.db(), kSchedule, {c.at(0)});
        if (!q)
            return q.error();
        run.scheduled += q->numRowsAffected() > 0 ? 1 : 0;
    }

    // 2. The attempts that are due.
    QList<DueInvoice> due;
    {
        auto q = sql::exec(tx.db(), kDue, {ts(now), kInvoicesPerRun});
        if (!q)
            return q.error();
        while (q->next()) {
            DueInvoice d;
            d.id = q->value(0).toString();
            d.customerId = q->value(1).toString();
            d.amount = q->value(2).toLongLong();
            d.currency = q->value(3).toString();
            d.number = q->value(4).toString();
            d.stripeCustomer = q->value(5).toString();
            d.attempt = q->value(6).toInt() + 1;
            d.dueStart = q->value(7).toDateTime().toUTC();
            d.pinnedPaymentMethod = q->value(8).toString();
            if (!d.pinnedPaymentMethod.isEmpty()) {
                d.amount = q->value(9).toLongLong();
                d.currency = q->value(10).toString();
            }
            due.append(d);
        }
    }
    if (due.isEmpty())
        return run;
    auto side = SideConnection::open(tx.db(), QStringLiteral("renewal-pin"), 0);
    if (!side)
        return side.error();
    for (const DueInvoice &inv : std::as_const(due)) {
        if (auto s = savepoint(tx, "SAVEPOINT renewal_charge"); !s)
            return s.error();
        auto outcome = attempt(tx, side->db(), settings, inv, *days, now);
        if (!outcome) {
            // Undone: the next run tries the same attempt with the same key.
            if (auto s = savepoint(tx, "ROLLBACK TO SAVEPOINT renewal_charge"); !s)
                return s.error();
            run.errors << QStringLiteral("%1: %2").arg(inv.id, outcome.error().message);
            continue;
        }
        if (auto s = savepoint(tx, "RELEASE SAVEPOINT renewal_charge"); !s)
            return s.error();
        if (*outcome == QLatin1String("charged"))
            ++run.charged;
        else if (*outcome == QLatin1String("declined"))
            ++run.declined;
        else if (*outcome == QLatin1String("exhausted"))
            ++run.exhausted;
    }
    return run;
}

void RenewalCharges::adoptConfig(const Config &config)
{
    QMutexLocker lock(&g_mutex);
    g_config = config;
}

Result<StripeSettings> RenewalCharges::stripeSettings()
{
    QMutexLocker lock(&g_mutex);
    if (g_config)
        return StripeSettings::fromConfig(*g_config);
    Config config;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys())
        if (name.startsWith(QLatin1String("MPANEL_STRIPE_")))
            config.set(name, env.value(name));
    return StripeSettings::fromConfig(config);
}

} // namespace mp::payments
