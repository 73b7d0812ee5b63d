#include "payments/payment_review.h"

#include "billing/invoices.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "payments/payment_effects.h"
#include "payments/payments.h"

#include <QJsonDocument>
#include <QUuid>

namespace mp::payments {

namespace {

const auto kLockHeld = QStringLiteral(
    "SELECT review_state, coalesce(invoice_id::text, ''), amount_minor - refunded_minor, payment_intent, "
    "currency FROM payments WHERE id = ?::uuid FOR UPDATE");

const auto kResolve = QStringLiteral(R"sql(
UPDATE payments SET review_state = 'resolved',
       review_reason = left(coalesce(review_reason, '') || ' | resolved (' || ? || '): ' || ?, 1000),
       invoice_applied = invoice_applied OR ?, updated_at = ?::timestamptz
WHERE id = ?::uuid AND review_state = 'held'
RETURNING id
)sql");

const auto kResolveFlags = QStringLiteral(R"sql(
UPDATE invoice_flags SET resolved_at = ?::timestamptz
WHERE payment_id = ?::uuid AND kind = 'payment_held' AND resolved_at IS NULL
)sql");

const auto kAudit = QStringLiteral(R"sql(
INSERT INTO audit_log (tenant_id, at, actor, action, object_type, object_id, details)
VALUES (?::uuid, ?::timestamptz, ?, 'payment.resolve', 'payment', ?, ?::jsonb)
)sql");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString toString(ResolveAction a)
{
    switch (a) {
    case ResolveAction::Apply:
        return QStringLiteral("apply");
    case ResolveAction::Refund:
        return QStringLiteral("refund");
    case ResolveAction::Dismiss:
        return QStringLiteral("dismiss");
    }
    return {};
}

struct Held {
    QString invoiceId;
    qint64 remaining = 0;
    QString paymentIntent;
};

Result<Held> lockHeld(TenantTransaction &tx, const QString &paymentId)
{
    const Error notFound =
        makeError(errors::NotFound, QStringLiteral("no such payment"), QStringLiteral("id"));
    if (!isUuid(paymentId))
        return notFound;
    if (auto s = lockInvoiceOfPayment(tx, paymentId); !s)
        return s.error();
    auto q = sql::exec(tx.db(), kLockHeld, {paymentId});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound;
    if (q->value(0).toString() != QLatin1String("held"))
        return makeError(errors::Conflict,
                         q->value(0).toString() == QLatin1String("resolved")
                             ? QStringLiteral("the payment was already resolved")
                             : QStringLiteral("the payment is not held for review"),
                         QStringLiteral("id"));
    return Held{q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString()};
}

// Held -> resolved with its flag and audit row; the WHERE makes it happen once.
Status markResolved(TenantTransaction &tx, const QString &paymentId, ResolveAction action, bool applied,
                    const QString &reason, const QString &actor, const QDateTime &now, QJsonObject details)
{
    auto q = sql::exec(tx.db(), kResolve, {toString(action), reason, applied, ts(now), paymentId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Conflict, QStringLiteral("the payment was already resolved"),
                         QStringLiteral("id"));
    if (auto f = sql::exec(tx.db(), kResolveFlags, {ts(now), paymentId}); !f)
        return f.error();
    details.insert(QStringLiteral("action"), toString(action));
    details.insert(QStringLiteral("reason"), reason);
    if (auto a = sql::exec(tx.db(), kAudit,
                           {tx.tenantId(), ts(now), actor, paymentId,
                            QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
        !a)
        return a.error();
    return {};
}

} // namespace

std::optional<ResolveAction> PaymentReview::actionFromString(const QString &text)
{
    for (auto a : {ResolveAction::Apply, ResolveAction::Refund, ResolveAction::Dismiss})
        if (text == toString(a))
            return a;
    return std::nullopt;
}

Result<Payment> PaymentReview::resolve(TenantTransaction &tx, const QString &paymentId, ResolveAction action,
                                       const QString &reason, const QString &actor, const QDateTime &now)
{
    auto held = lockHeld(tx, paymentId);
    if (!held)
        return held.error();
    QJsonObject details;
    if (action == ResolveAction::Apply) {
        if (held->invoiceId.isEmpty())
            return makeError(errors::InvalidAction,
                             QStringLiteral("the payment names no invoice to apply it to"),
                             QStringLiteral("action"));
        auto invoice = billing::Invoices::find(tx, held->invoiceId);
        if (!invoice)
            return invoice.error();
        if (invoice->status != billing::InvoiceStatus::Unpaid)
            return makeError(errors::InvalidAction,
                             QStringLiteral("the invoice is %1, not unpaid: refund or dismiss instead")
                                 .arg(billing::InvoiceStatuses::toString(invoice->status)),
                             QStringLiteral("action"));
        billing::StatusChange change;
        change.to = billing::InvoiceStatus::Paid;
        change.reason = QStringLiteral("held Stripe payment applied by staff: %1").arg(reason);
        change.actor = actor;
        change.paymentMethod = QStringLiteral("stripe");
        change.paymentReference = held->paymentIntent;
        auto paid = billing::Invoices::changeStatus(tx, held->invoiceId, change, now);
        if (!paid)
            return paid.error();
        details.insert(QStringLiteral("invoice_id"), held->invoiceId);
    } else if (action == ResolveAction::Refund) {
        return makeError(errors::InvalidAction,
                         QStringLiteral("a refund goes through planRefund / finishRefund"),
                         QStringLiteral("action"));
    }
    if (auto st =
            markResolved(tx, paymentId, action, action == ResolveAction::Apply, reason, actor, now, details);
        !st)
        return st.error();
    return Payments::find(tx, paymentId);
}

Result<RefundPlan> PaymentReview::planRefund(TenantTransaction &tx, const QString &paymentId)
{
    auto held = lockHeld(tx, paymentId);
    if (!held)
        return held.error();
    if (held->remaining <= 0)
        return makeError(errors::InvalidAction, QStringLiteral("nothing is left to refund"),
                         QStringLiteral("action"));
    RefundPlan plan;
    plan.paymentId = paymentId;
    plan.params.paymentIntent = held->paymentIntent;
    plan.params.amount = held->remaining;
    plan.params.metadata = {{QStringLiteral("mpanel_payment"), paymentId},
                            {QStringLiteral("mpanel_tenant"), tx.tenantId()}};
    if (!held->invoiceId.isEmpty())
        plan.params.metadata.append({QStringLiteral("mpanel_invoice"), held->invoiceId});
    plan.idempotencyKey = QStringLiteral("mpanel-resolve-%1").arg(paymentId);
    return plan;
}

Result<Payment> PaymentReview::finishRefund(TenantTransaction &tx, const RefundPlan &plan,
                                            const QJsonObject &refund, const QString &reason,
                                            const QString &actor, const QDateTime &now)
{
    // Whatever raced us, Stripe refunded: the refund is recorded (idempotently by its key).
    if (auto st =
            PaymentEffects::recordApiRefund(tx, plan.paymentId, plan.idempotencyKey, refund, actor, now);
        !st)
        return st.error();
    auto held = lockHeld(tx, plan.paymentId);
    if (!held)
        return held.error();
    if (auto st = markResolved(tx, plan.paymentId, ResolveAction::Refund, false, reason, actor, now,
                               {{QStringLiteral("refund"), refund.value(QStringLiteral("id")).toString()},
                                {QStringLiteral("amount_minor"), plan.params.amount}});
        !st)
        return st.error();
    return Payments::find(tx, plan.paymentId);
}

} // namespace mp::payments
