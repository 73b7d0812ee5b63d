#pragma once

#include "core/result.h"
#include "payments/invoice_checkout.h"
#include "payments/payment.h"

#include <QDateTime>
#include <QJsonObject>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

enum class ResolveAction { Apply, Refund, Dismiss };

// Staff deciding a payment held for review (an amount or currency that did not match, an
// invoice no longer unpaid). Each decision happens once: the payment row is locked and moved
// from held to resolved in the transaction that acts, with an audit_log row and its
// payment_held flag resolved; a second decision finds it resolved (409).
class PaymentReview {
public:
    static std::optional<ResolveAction> actionFromString(const QString &text);

    // apply: the invoice is marked paid from this payment (it must still be unpaid);
    // dismiss: nothing moves, the money stays with Stripe as it is.
    static Result<Payment> resolve(TenantTransaction &tx, const QString &paymentId, ResolveAction action,
                                   const QString &reason, const QString &actor, const QDateTime &now);

    // refund, in two short transactions around the Stripe call: the plan (held checked, what is
    // left refunded, key "mpanel-resolve-<payment>" so a double click refunds once), then
    // recording the refund and resolving the hold.
    static Result<RefundPlan> planRefund(TenantTransaction &tx, const QString &paymentId);
    static Result<Payment> finishRefund(TenantTransaction &tx, const RefundPlan &plan,
                                        const QJsonObject &refund, const QString &reason,
                                        const QString &actor, const QDateTime &now);
};

} // namespace mp::payments
