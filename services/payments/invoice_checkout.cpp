#include "payments/invoice_checkout.h"

#include "billing/invoices.h"
#include "core/clock.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "money/money_errors.h"
#include "payments/payment_effects.h"
#include "payments/payment_errors.h"
#include "payments/payments.h"
#include "payments/saved_cards.h"
#include "stripe/stripe_blocking.h"

#include <QSqlQuery>

namespace mp::payments {

namespace {

const auto kOpenSession = QStringLiteral(R"sql(
SELECT session_id, url, (SELECT count(*) FROM invoice_checkout_sessions c
                         WHERE c.invoice_id = ?::uuid AND c.amount_minor = ? AND c.currency = ?)
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (SELECT session_id, url FROM invoice_checkout_sessions
                   WHERE invoice_id = ?::uuid AND amount_minor = ? AND currency = ?
                     AND created_at > ?::timestamptz - interval '23 hours'
                   ORDER BY created_at DESC LIMIT 1) s ON true
)sql");
const auto kRecordSession = QStringLiteral(R"sql(
INSERT INTO invoice_checkout_sessions (tenant_id, invoice_id, session_id, url, amount_minor, currency, created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id, session_id) DO NOTHING
)sql");

Error stripeFailure(const Error &error)
{
    // Stripe's own words are readable; the code tells the API which status to answer.
    return makeError(errors::PaymentProviderError, error.message, error.field);
}

// Stripe mode off: neither an account nor an emulator (StripeSettings).
Error notConfigured()
{
    return makeError(errors::PaymentsNotConfigured,
                     QStringLiteral("online payment is not set up: set MPANEL_STRIPE_SECRET_KEY, or "
                                    "MPANEL_STRIPE_API_BASE to a Stripe emulator for the sandbox"));
}

} // namespace

CheckoutUrls CheckoutUrls::fromConfig(const Config &config)
{
    QString base = config.value(QStringLiteral("MPANEL_PUBLIC_URL"));
    if (base.isEmpty())
        base = QStringLiteral("http://") + config.listen();
    while (base.endsWith(u'/'))
        base.chop(1);
    CheckoutUrls urls;
    urls.success = config.value(QStringLiteral("MPANEL_STRIPE_SUCCESS_URL"),
                                base + QStringLiteral("/payments/success?session_id={CHECKOUT_SESSION_ID}"));
    urls.cancel =
        config.value(QStringLiteral("MPANEL_STRIPE_CANCEL_URL"), base + QStringLiteral("/payments/cancel"));
    return urls;
}

Result<CheckoutPlan> InvoiceCheckout::planCheckout(TenantTransaction &tx, const CheckoutUrls &urls,
                                                   const QString &invoiceId, const QDateTime &now)
{
    auto invoice = billing::Invoices::find(tx, invoiceId);
    if (!invoice)
        return invoice.error();
    if (invoice->status != billing::InvoiceStatus::Unpaid)
        return makeError(errors::Conflict,
                         QStringLiteral("only an unpaid invoice can be paid; this one is %1")
                             .arg(billing::InvoiceStatuses::toString(invoice->status)),
                         QStringLiteral("status"));
    CheckoutPlan plan;
    plan.amountMinor = invoice->total.minorAmount();
    plan.currency = invoice->currency.code();
    const qint64 due = plan.amountMinor;
    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);

    auto open = sql::exec(tx.db(), kOpenSession,
                          {invoiceId, due, plan.currency, invoiceId, due, plan.currency, nowText});
    if (!open)
        return open.error();
    if (!open->next())
        return makeError(errors::Internal, QStringLiteral("no session row"));
    if (!open->value(0).isNull()) {
        plan.existing = CheckoutStarted{open->value(0).toString(), open->value(1).toString()};
        return plan;
    }
    const qint64 earlier = open->value(2).toLongLong();
    open->finish();

    CheckoutSessionParams &params = plan.params;
    params.currency = plan.currency;
    // The invoice's lines at their gross amounts: they add up to the total exactly.
    for (const auto &line : std::as_const(invoice->lines)) {
        CheckoutLineItem item;
        item.name = line.quantity == 1 ? line.description
                                       : QStringLiteral("%1 (x%2)").arg(line.description).arg(line.quantity);
        item.name = item.name.left(250);
        item.unitAmount = line.amounts.gross.minorAmount();
        item.quantity = 1;
        if (item.unitAmount > 0)
            params.lineItems.append(item);
    }
    qint64 sum = 0;
    for (const auto &item : std::as_const(params.lineItems))
        sum += item.unitAmount;
    if (params.lineItems.isEmpty() || sum != due) {
        // Credits or negative lines: one line for the amount due.
        params.lineItems = {
            CheckoutLineItem{QStringLiteral("Invoice %1").arg(invoice->number), QString(), due, 1}};
    }
    params.successUrl = urls.success;
    params.cancelUrl = urls.cancel;
    params.clientReferenceId = invoiceId;
    params.customerEmail = invoice->buyer.value(QStringLiteral("email")).toString();
    // The card is kept for the renewals Stripe is asked to charge later (stripe.md 8.2).
    params.setupFutureUsage = QStringLiteral("off_session");
    plan.customerId = invoice->customerId;
    plan.customerName = invoice->buyer.value(QStringLiteral("name")).toString();
    auto known = SavedCards::stripeCustomer(tx, invoice->customerId);
    if (!known)
        return known.error();
    params.customer = *known;
    plan.createStripeCustomer = known->isEmpty();
    params.metadata = {{QStringLiteral("mpanel_invoice"), invoiceId},
                       {QStringLiteral("mpanel_tenant"), tx.tenantId()},
                       {QStringLiteral("mpanel_invoice_number"), invoice->number}};
    params.paymentIntentMetadata = params.metadata;
    plan.idempotencyKey = QStringLiteral("mpanel-invoice-%1-amount-%2-%3-checkout-%4")
                              .arg(invoiceId)
                              .arg(due)
                              .arg(plan.currency)
                              .arg(earlier + 1);
    return plan;
}

Result<CheckoutStarted> InvoiceCheckout::createSession(const StripeSettings &settings, CheckoutPlan &plan)
{
    if (plan.existing)
        return *plan.existing;
    if (!settings.canCall())
        return notConfigured();
    if (plan.createStripeCustomer) {
        auto customer = SavedCards::createStripeCustomer(settings, plan.customerId, plan.params.customerEmail,
                                                         plan.customerName);
        if (!customer)
            return customer.error();
        plan.params.customer = *customer;
    }
    auto session = runStripeCall(settings, [&](StripeClient &client) {
        return client.createCheckoutSession(plan.params, plan.idempotencyKey);
    });
    if (!session)
        return stripeFailure(session.error());
    CheckoutStarted started{session->value(QStringLiteral("id")).toString(),
                            session->value(QStringLiteral("url")).toString()};
    if (started.sessionId.isEmpty())
        return makeError(errors::PaymentProviderError, QStringLiteral("Stripe answered no session id"));
    return started;
}

Status InvoiceCheckout::recordSession(TenantTransaction &tx, const QString &invoiceId,
                                      const CheckoutPlan &plan, const CheckoutStarted &started,
                                      const QDateTime &now)
{
    if (plan.existing)
        return {};
    if (plan.createStripeCustomer && !plan.params.customer.isEmpty()) {
        if (auto linked = SavedCards::linkStripeCustomer(tx, plan.customerId, plan.params.customer, now);
            !linked)
            return linked.error();
    }
    auto recorded = sql::exec(tx.db(), kRecordSession,
                              {tx.tenantId(), invoiceId, started.sessionId, started.url, plan.amountMinor,
                               plan.currency, now.toUTC().toString(Qt::ISODateWithMs)});
    if (!recorded)
        return recorded.error();
    return {};
}

Result<RefundPlan> InvoiceCheckout::planRefund(TenantTransaction &tx, const QString &invoiceId,
                                               qint64 amountMinor, const QString &reason,
                                               const QString &requestKey, const QString &actor)
{
    if (reason.isEmpty())
        return makeError(errors::InvalidReason, QStringLiteral("say why the money goes back"),
                         QStringLiteral("reason"));
    auto invoice = billing::Invoices::find(tx, invoiceId);
    if (!invoice)
        return invoice.error();
    auto payment = Payments::lockPaidPaymentOfInvoice(tx, invoiceId); // released when the plan commits
    if (!payment)
        return payment.error();
    const qint64 remaining = payment->amountMinor - payment->refundedMinor;
    if (remaining <= 0)
        return makeError(errors::Conflict, QStringLiteral("the payment is already refunded in full"),
                         QStringLiteral("amount"));
    if (amountMinor < 0 || amountMinor > remaining)
        return makeError(errors::InvalidAmount,
                         QStringLiteral("refund between 1 and %1 minor units").arg(remaining),
                         QStringLiteral("amount"));
    const qint64 amount = amountMinor == 0 ? remaining : amountMinor;
    RefundPlan plan;
    plan.paymentId = payment->id;
    plan.params.paymentIntent = payment->paymentIntent;
    plan.params.amount = amount;
    plan.params.reason = reason;
    plan.params.metadata = {{QStringLiteral("mpanel_invoice"), invoiceId},
                            {QStringLiteral("mpanel_tenant"), tx.tenantId()}};
    plan.idempotencyKey = !requestKey.isEmpty()
                              ? QStringLiteral("mpanel-refund-%1-%2").arg(payment->id, requestKey)
                              : QStringLiteral("mpanel-refund-%1-after-%2-amount-%3")
                                    .arg(payment->id)
                                    .arg(payment->refundedMinor)
                                    .arg(amount);
    if (auto requested =
            sql::exec(tx.db(), QStringLiteral(R"sql(
INSERT INTO payment_refunds (tenant_id, payment_id, request_key, amount_minor, currency, status, reason, actor,
                             created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, 'requested', ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id, request_key) DO NOTHING
)sql"),
                      {tx.tenantId(), payment->id, plan.idempotencyKey, amount, payment->currency, reason,
                       actor, Clock::current().now().toUTC().toString(Qt::ISODateWithMs)});
        !requested)
        return requested.error();
    return plan;
}

Result<QJsonObject> InvoiceCheckout::createRefund(const StripeSettings &settings, const RefundPlan &plan)
{
    if (!settings.canCall())
        return notConfigured();
    auto refund = runStripeCall(settings, [&](StripeClient &client) {
        return client.createRefund(plan.params, plan.idempotencyKey);
    });
    if (!refund)
        return stripeFailure(refund.error());
    return *refund;
}

Result<QJsonObject> InvoiceCheckout::recordRefund(TenantTransaction &tx, const RefundPlan &plan,
                                                  const QJsonObject &refund, const QString &actor,
                                                  const QDateTime &now)
{
    if (auto s = PaymentEffects::recordApiRefund(tx, plan.paymentId, plan.idempotencyKey, refund, actor, now);
        !s)
        return s.error();
    auto updated = Payments::find(tx, plan.paymentId);
    if (!updated)
        return updated.error();
    QJsonObject out{{QStringLiteral("refund"), refund.value(QStringLiteral("id")).toString()},
                    {QStringLiteral("refund_status"), refund.value(QStringLiteral("status")).toString()},
                    {QStringLiteral("payment"), updated->toJson()}};
    return out;
}

} // namespace mp::payments
