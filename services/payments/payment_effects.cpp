#include "payments/payment_effects.h"

#include "billing/invoice_status.h"
#include "billing/invoices.h"
#include "core/errors.h"
#include "core/json_log.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/domain_events.h"
#include "money/money.h"

#include <QSqlQuery>
#include <QUuid>

namespace mp::payments {

namespace {

// One statement per fact, whatever event brings it: the row is created by the first event about
// the payment and only ever gains information. Amount and currency come from a success event
// once there was one (a dispute or a decline may name another amount).
const auto kUpsert = QStringLiteral(R"sql(
INSERT INTO payments AS p (tenant_id, invoice_id, customer_id, payment_intent, checkout_session, charge_id,
                           amount_minor, currency, status, succeeded, refunded_minor, decline_code, decline_message,
                           created_at, updated_at, succeeded_at)
SELECT ?::uuid, i.id, i.customer_id, ?, ?, ?, ?, ?, NULL, ?::boolean, ?, ?, ?, ?::timestamptz,
       ?::timestamptz, CASE WHEN ?::boolean THEN ?::timestamptz END
FROM (SELECT 1) AS one LEFT JOIN invoices i ON i.id = ?::uuid
ON CONFLICT (tenant_id, payment_intent) DO UPDATE SET
    invoice_id = COALESCE(p.invoice_id, EXCLUDED.invoice_id),
    customer_id = COALESCE(p.customer_id, EXCLUDED.customer_id),
    checkout_session = COALESCE(p.checkout_session, EXCLUDED.checkout_session),
    charge_id = COALESCE(EXCLUDED.charge_id, p.charge_id),
    amount_minor = CASE WHEN p.succeeded OR NOT EXCLUDED.succeeded AND p.amount_minor > 0 THEN p.amount_minor
                        ELSE EXCLUDED.amount_minor END,
    currency = CASE WHEN p.succeeded OR NOT EXCLUDED.succeeded AND p.amount_minor > 0 THEN p.currency
                    ELSE EXCLUDED.currency END,
    succeeded = p.succeeded OR EXCLUDED.succeeded,
    refunded_minor = GREATEST(p.refunded_minor, EXCLUDED.refunded_minor),
    decline_code = CASE WHEN p.succeeded OR EXCLUDED.succeeded THEN NULL
                        ELSE COALESCE(EXCLUDED.decline_code, p.decline_code) END,
    decline_message = CASE WHEN p.succeeded OR EXCLUDED.succeeded THEN NULL
                           ELSE COALESCE(EXCLUDED.decline_message, p.decline_message) END,
    succeeded_at = COALESCE(p.succeeded_at, EXCLUDED.succeeded_at),
    updated_at = EXCLUDED.updated_at,
    status = NULL
RETURNING id, invoice_id, amount_minor, currency, succeeded, refunded_minor, invoice_applied, review_state,
          payment_intent
)sql");

// The status follows from the facts: a status written as NULL is derived from them by the
// payments_derive_status trigger (migration 0029), which the upsert above relies on as well.
const auto kDeriveStatus = QStringLiteral(R"sql(
UPDATE payments SET status = NULL WHERE id = ?::uuid
RETURNING id, invoice_id, amount_minor, currency, succeeded, refunded_minor, invoice_applied, review_state,
          payment_intent
)sql");

// Locked: what is read here decides the invoice's next status (Invoices::setStatus relies on it).
const auto kInvoiceDue =
    QStringLiteral("SELECT status, total_minor, currency FROM invoices WHERE id = ?::uuid FOR UPDATE");
const auto kApplied = QStringLiteral("UPDATE payments SET invoice_applied = true WHERE id = ?::uuid");
const auto kHold = QStringLiteral("UPDATE payments SET review_state = 'held', review_reason = ? WHERE id = "
                                  "?::uuid AND review_state IS NULL");
const auto kFlag = QStringLiteral(R"sql(
INSERT INTO invoice_flags (tenant_id, invoice_id, payment_id, kind, detail, created_at)
VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id, invoice_id, payment_id, kind) DO UPDATE SET detail = EXCLUDED.detail
)sql");
const auto kDispute = QStringLiteral(R"sql(
UPDATE payments SET dispute_id = ?,
    dispute_status = CASE WHEN dispute_status IN ('won', 'lost', 'warning_closed') AND ?::boolean IS NOT TRUE
                          THEN dispute_status ELSE ? END
WHERE id = ?::uuid
)sql");
const auto kRecordRefund = QStringLiteral(R"sql(
INSERT INTO payment_refunds (tenant_id, payment_id, request_key, stripe_refund_id, amount_minor, currency, status,
                             reason, actor, created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id, request_key) DO UPDATE SET stripe_refund_id = EXCLUDED.stripe_refund_id,
    status = EXCLUDED.status
)sql");
const auto kRefundTotal = QStringLiteral(R"sql(
UPDATE payments SET refunded_minor = GREATEST(refunded_minor,
    (SELECT COALESCE(sum(amount_minor), 0) FROM payment_refunds r WHERE r.payment_id = payments.id
      AND r.status = 'succeeded')), updated_at = ?::timestamptz
WHERE id = ?::uuid
)sql");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

struct Facts {
    QString paymentIntent;
    QString invoiceId;
    QString session;
    QString charge;
    qint64 amount = 0;
    QString currency;
    bool succeeded = false;
    qint64 refunded = 0;
    QString declineCode;
    QString declineMessage;
};

struct Row {
    QString id;
    QString invoiceId;
    qint64 amount = 0;
    QString currency;
    bool succeeded = false;
    qint64 refunded = 0;
    bool invoiceApplied = false;
    QString reviewState;
    QString paymentIntent;
};

// "4.99 EUR"; minor units only for a currency mPanel does not know.
QString moneyText(qint64 minor, const QString &currency)
{
    const auto known = Currency::fromCode(currency.toUpper());
    return known ? QStringLiteral("%1 %2").arg(Money(minor, *known).toDecimalString(), known->code())
                 : QStringLiteral("%1 %2 minor units").arg(minor).arg(currency);
}

QString nowText(const QDateTime &now)
{
    return now.toUTC().toString(Qt::ISODateWithMs);
}

// The payment row as a statement returned it (id first, then kDeriveStatus's columns).
Row rowFrom(const QSqlQuery &q)
{
    Row r;
    r.id = q.value(0).toString();
    r.invoiceId = q.value(1).toString();
    r.amount = q.value(2).toLongLong();
    r.currency = q.value(3).toString();
    r.succeeded = q.value(4).toBool();
    r.refunded = q.value(5).toLongLong();
    r.invoiceApplied = q.value(6).toBool();
    r.reviewState = q.value(7).toString();
    r.paymentIntent = q.value(8).toString();
    return r;
}

// Records the facts and returns the payment with its status derived, in one statement.
Result<Row> upsert(TenantTransaction &tx, const Facts &f, const QDateTime &now)
{
    const QString at = nowText(now);
    const QVariant invoice = !isUuid(f.invoiceId) ? QVariant() : QVariant(f.invoiceId);
    auto q = sql::exec(tx.db(), kUpsert,
                       {tx.tenantId(), f.paymentIntent, textOrNull(f.session), textOrNull(f.charge), f.amount,
                        f.currency.toUpper(), f.succeeded, f.refunded, textOrNull(f.declineCode),
                        textOrNull(f.declineMessage), at, at, f.succeeded, at, invoice});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the payment upsert returned no row"));
    Row row = rowFrom(*q);
    q->finish();
    return row;
}

Result<Row> deriveStatus(TenantTransaction &tx, const QString &paymentId)
{
    auto q = sql::exec(tx.db(), kDeriveStatus, {paymentId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the payment vanished"));
    Row row = rowFrom(*q);
    q->finish();
    return row;
}

Status flag(TenantTransaction &tx, const Row &row, const QString &kind, const QString &detail,
            const QDateTime &now)
{
    if (row.invoiceId.isEmpty())
        return {};
    auto q = sql::exec(tx.db(), kFlag, {tx.tenantId(), row.invoiceId, row.id, kind, detail, nowText(now)});
    if (!q)
        return q.error();
    return {};
}

Result<QString> hold(TenantTransaction &tx, const Row &row, const QString &reason, const QDateTime &now)
{
    if (auto q = sql::exec(tx.db(), kHold, {reason, row.id}); !q)
        return q.error();
    if (auto s = flag(tx, row, QStringLiteral("payment_held"), reason, now); !s)
        return s.error();
    JsonLog::write(QStringLiteral("payment_held_for_review"),
                   {{QStringLiteral("payment_intent"), row.paymentIntent},
                    {QStringLiteral("invoice"), row.invoiceId},
                    {QStringLiteral("reason"), reason}});
    return QStringLiteral("held_for_review");
}

// Marks the invoice paid from a succeeded payment, once; a payment that does not fit the
// invoice (amount, currency, or an invoice no longer unpaid) is held for review instead.
Result<QString> applyToInvoice(TenantTransaction &tx, Row &row, const QDateTime &now)
{
    if (!row.succeeded || row.invoiceApplied || !row.reviewState.isEmpty())
        return row.invoiceApplied ? QStringLiteral("already_applied") : QStringLiteral("recorded");
    if (row.invoiceId.isEmpty())
        return hold(tx, row, QStringLiteral("the payment names no invoice of this tenant"), now);
    auto q = sql::exec(tx.db(), kInvoiceDue, {row.invoiceId});
    if (!q)
        return q.error();
    if (!q->next())
        return hold(tx, row, QStringLiteral("the invoice was not found"), now);
    const QString status = q->value(0).toString();
    const qint64 due = q->value(1).toLongLong();
    const QString currency = q->value(2).toString();
    if (status != QLatin1String("unpaid"))
        return hold(tx, row, QStringLiteral("the invoice is %1, not unpaid").arg(status), now);
    if (due != row.amount || currency.compare(row.currency, Qt::CaseInsensitive) != 0)
        return hold(tx, row,
                    QStringLiteral("amount mismatch: paid %1, due %2")
                        .arg(moneyText(row.amount, row.currency), moneyText(due, currency)),
                    now);
    billing::StatusChange change;
    change.to = billing::InvoiceStatus::Paid;
    change.reason = QStringLiteral("paid with Stripe (%1)").arg(row.paymentIntent);
    change.actor = QStringLiteral("stripe");
    change.paymentMethod = QStringLiteral("stripe");
    change.paymentReference = row.paymentIntent;
    change.lockedFrom = billing::InvoiceStatus::Unpaid;
    if (const Status changed = billing::Invoices::setStatus(tx, row.invoiceId, change, now); !changed) {
        // Paid meanwhile by another payment (setStatus locks the invoice and checks the move).
        if (changed.error().code == errors::InvalidTransition)
            return hold(tx, row, QStringLiteral("the invoice is no longer unpaid"), now);
        return changed.error();
    }
    if (auto u = sql::exec(tx.db(), kApplied, {row.id}); !u)
        return u.error();
    row.invoiceApplied = true;
    return QStringLiteral("invoice_paid");
}

// Who asked for a refund and why, for the invoice's audit trail: Stripe itself (a refund made
// in its dashboard, learnt from the webhook) unless mPanel asked on someone's behalf.
struct RefundCause {
    QString actor = QStringLiteral("stripe");
    QString reason;
};

// Brings an invoice paid from this payment to refunded / partially_refunded as the payment's
// refunds say; never moves it back.
Status syncRefund(TenantTransaction &tx, const Row &row, const QDateTime &now, const RefundCause &cause = {})
{
    if (!row.invoiceApplied || row.refunded <= 0)
        return {};
    const auto target = row.refunded >= row.amount ? billing::InvoiceStatus::Refunded
                                                   : billing::InvoiceStatus::PartiallyRefunded;
    auto q = sql::exec(tx.db(), kInvoiceDue, {row.invoiceId});
    if (!q)
        return q.error();
    if (!q->next())
        return {};
    const auto current = billing::InvoiceStatuses::fromString(q->value(0).toString());
    if (!current || *current == target || !billing::InvoiceStatuses::checkTransition(*current, target))
        return {};
    billing::StatusChange change;
    change.to = target;
    change.reason = QStringLiteral("refunded %1 of %2 with Stripe")
                        .arg(moneyText(row.refunded, row.currency), moneyText(row.amount, row.currency));
    if (!cause.reason.isEmpty())
        change.reason += QStringLiteral(": ") + cause.reason;
    change.actor = cause.actor;
    change.lockedFrom = *current;
    return billing::Invoices::setStatus(tx, row.invoiceId, change, now);
}

// A refund staff asked for through mPanel whose answer from Stripe is not recorded yet: when its
// webhook comes first, the refund is still theirs. Requests older than an hour are not matched,
// so a request whose Stripe call failed does not claim a later refund made at Stripe.
Result<RefundCause> requestedRefundCause(TenantTransaction &tx, const Row &row, const QDateTime &now)
{
    if (row.refunded <= 0)
        return RefundCause{};
    auto q = sql::exec(tx.db(), QStringLiteral(R"sql(
SELECT actor, COALESCE(reason, '') FROM payment_refunds
WHERE payment_id = ?::uuid AND status = 'requested' AND created_at > ?::timestamptz - interval '1 hour'
ORDER BY created_at DESC LIMIT 1
)sql"),
                       {row.id, nowText(now)});
    if (!q)
        return q.error();
    if (!q->next())
        return RefundCause{};
    return RefundCause{q->value(0).toString(), q->value(1).toString()};
}

Result<QString> fold(TenantTransaction &tx, const Facts &facts, const QDateTime &now, const QString &outcome)
{
    if (auto s = lockInvoice(tx, facts.invoiceId); !s)
        return s.error();
    auto row = upsert(tx, facts, now);
    if (!row)
        return row.error();
    auto applied = applyToInvoice(tx, *row, now);
    if (!applied)
        return applied.error();
    auto cause = requestedRefundCause(tx, *row, now);
    if (!cause)
        return cause.error();
    if (auto s = syncRefund(tx, *row, now, *cause); !s)
        return s.error();
    if (!outcome.isEmpty() && *applied != QLatin1String("invoice_paid") &&
        *applied != QLatin1String("held_for_review"))
        return outcome;
    return applied;
}

// A failed attempt is recorded, and announced for the customer to hear of it (notifications
// mails the pay link); a card that needs the customer's authentication says so.
Result<QString> failedPayment(TenantTransaction &tx, const Facts &f, const QDateTime &now)
{
    auto outcome = fold(tx, f, now, QStringLiteral("payment_failed"));
    if (!outcome || f.invoiceId.isEmpty())
        return outcome;
    const QJsonObject data{
        {QStringLiteral("decline_code"), f.declineCode},
        {QStringLiteral("reason"), f.declineMessage},
        {QStringLiteral("requires_action"), f.declineCode == QLatin1String("authentication_required")},
        {QStringLiteral("payment_intent"), f.paymentIntent}};
    if (auto st = events::DomainEvents::announce(tx, {events::PaymentFailed, {}, f.invoiceId, data}, now);
        !st)
        return st.error();
    return outcome;
}

QString chargeIdOf(const QJsonObject &pi)
{
    const QJsonValue c = pi.value(QStringLiteral("latest_charge"));
    return c.isObject() ? c.toObject().value(QStringLiteral("id")).toString() : c.toString();
}

} // namespace

Status lockInvoice(TenantTransaction &tx, const QString &invoiceId)
{
    if (!isUuid(invoiceId))
        return {};
    if (auto q = sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM invoices WHERE id = ?::uuid FOR UPDATE"),
                           {invoiceId});
        !q)
        return q.error();
    return {};
}

Status lockInvoiceOfPayment(TenantTransaction &tx, const QString &paymentId)
{
    if (!isUuid(paymentId))
        return {};
    if (auto q =
            sql::exec(tx.db(),
                      QStringLiteral("SELECT 1 FROM invoices WHERE id = (SELECT invoice_id FROM payments "
                                     "WHERE id = ?::uuid) FOR UPDATE"),
                      {paymentId});
        !q)
        return q.error();
    return {};
}

QString invoiceIdOf(const StripeEvent &event)
{
    const QJsonObject metadata = event.object.value(QStringLiteral("metadata")).toObject();
    QString id = metadata.value(QStringLiteral("mpanel_invoice")).toString();
    if (id.isEmpty())
        id = str(event.object, "client_reference_id");
    return !isUuid(id) ? QString() : QUuid::fromString(id).toString(QUuid::WithoutBraces);
}

Result<QString> PaymentEffects::apply(TenantTransaction &tx, const StripeEvent &event, const QDateTime &now)
{
    const QString type = event.type;
    const QJsonObject &o = event.object;
    Facts f;
    f.paymentIntent = event.paymentIntentId();
    f.invoiceId = invoiceIdOf(event);
    if (f.paymentIntent.isEmpty())
        return QStringLiteral("ignored_no_payment");

    if (type == QLatin1String("checkout.session.completed") ||
        type == QLatin1String("checkout.session.async_payment_succeeded")) {
        f.session = str(o, "id");
        f.amount = o.value(QStringLiteral("amount_total")).toInteger();
        f.currency = str(o, "currency");
        f.succeeded = str(o, "payment_status") == QLatin1String("paid");
        return fold(tx, f, now, f.succeeded ? QString() : QStringLiteral("awaiting_payment"));
    }
    if (type == QLatin1String("payment_intent.succeeded")) {
        f.amount = o.value(QStringLiteral("amount_received")).toInteger();
        if (f.amount == 0)
            f.amount = o.value(QStringLiteral("amount")).toInteger();
        f.currency = str(o, "currency");
        f.charge = chargeIdOf(o);
        f.succeeded = true;
        return fold(tx, f, now, {});
    }
    if (type == QLatin1String("payment_intent.payment_failed")) {
        const QJsonObject error = o.value(QStringLiteral("last_payment_error")).toObject();
        f.amount = o.value(QStringLiteral("amount")).toInteger();
        f.currency = str(o, "currency");
        f.declineCode = str(error, "decline_code");
        if (f.declineCode.isEmpty())
            f.declineCode = str(error, "code");
        if (f.declineCode.isEmpty())
            f.declineCode = QStringLiteral("payment_failed");
        f.declineMessage = str(error, "message");
        return failedPayment(tx, f, now);
    }
    if (type == QLatin1String("checkout.session.async_payment_failed")) {
        f.session = str(o, "id");
        f.amount = o.value(QStringLiteral("amount_total")).toInteger();
        f.currency = str(o, "currency");
        f.declineCode = QStringLiteral("async_payment_failed");
        f.declineMessage = QStringLiteral("the delayed payment method failed");
        return failedPayment(tx, f, now);
    }
    if (type == QLatin1String("charge.refunded")) {
        // A charge with a refund was a successful charge, even if its success event is still on
        // its way: the payment is recorded from it, so the end state does not depend on order.
        f.charge = str(o, "id");
        f.amount = o.value(QStringLiteral("amount")).toInteger();
        f.currency = str(o, "currency");
        f.succeeded = true;
        f.refunded = o.value(QStringLiteral("amount_refunded")).toInteger();
        return fold(tx, f, now, QStringLiteral("refund_recorded"));
    }
    if (type == QLatin1String("charge.dispute.created") || type == QLatin1String("charge.dispute.closed") ||
        type == QLatin1String("charge.dispute.updated")) {
        f.amount = o.value(QStringLiteral("amount")).toInteger();
        f.currency = str(o, "currency");
        const QJsonValue charge = o.value(QStringLiteral("charge"));
        f.charge =
            charge.isObject() ? charge.toObject().value(QStringLiteral("id")).toString() : charge.toString();
        if (auto s = lockInvoice(tx, f.invoiceId); !s)
            return s.error();
        auto upserted = upsert(tx, f, now);
        if (!upserted)
            return upserted.error();
        const bool closed = type == QLatin1String("charge.dispute.closed");
        if (auto q = sql::exec(tx.db(), kDispute, {str(o, "id"), closed, str(o, "status"), upserted->id}); !q)
            return q.error();
        auto row = deriveStatus(tx, upserted->id);
        if (!row)
            return row.error();
        if (auto s = flag(
                tx, *row, QStringLiteral("disputed"),
                QStringLiteral("dispute %1: %2 (%3)").arg(str(o, "id"), str(o, "status"), str(o, "reason")),
                now);
            !s)
            return s.error();
        return QStringLiteral("dispute_recorded");
    }
    return QStringLiteral("ignored");
}

Status PaymentEffects::recordApiRefund(TenantTransaction &tx, const QString &paymentId,
                                       const QString &requestKey, const QJsonObject &refund,
                                       const QString &actor, const QDateTime &now)
{
    if (auto s = lockInvoiceOfPayment(tx, paymentId); !s)
        return s;
    const QString status = str(refund, "status");
    const QString stored = status == QLatin1String("succeeded") || status == QLatin1String("pending")
                               ? status
                               : QStringLiteral("failed");
    auto q = sql::exec(tx.db(), kRecordRefund,
                       {tx.tenantId(), paymentId, requestKey, str(refund, "id"),
                        refund.value(QStringLiteral("amount")).toInteger(), str(refund, "currency").toUpper(),
                        stored, textOrNull(str(refund, "reason")), actor, nowText(now)});
    if (!q)
        return q.error();
    if (auto u = sql::exec(tx.db(), kRefundTotal, {nowText(now), paymentId}); !u)
        return u.error();
    auto row = deriveStatus(tx, paymentId);
    if (!row)
        return row.error();
    return syncRefund(tx, *row, now, RefundCause{actor, str(refund, "reason")});
}

} // namespace mp::payments
