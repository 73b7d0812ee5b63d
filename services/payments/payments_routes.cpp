#include "payments/payments_routes.h"

#include "api/responses.h"
#include "billing/invoices.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "http/api_context.h"
#include "http/router.h"
#include "money/money.h"
#include "money/money_errors.h"
#include "payments/invoice_checkout.h"
#include "payments/invoice_flags.h"
#include "payments/payment_bodies.h"
#include "payments/payment_errors.h"
#include "payments/payment_review.h"
#include "payments/payments.h"
#include "payments/renewal_charges.h"
#include "payments/stripe_webhook.h"
#include "stripe/stripe_errors.h"

#include <QJsonArray>
#include <QUuid>

#include <memory>

namespace mp::payments {

namespace {

struct PaymentConfig {
    Result<StripeSettings> stripe = StripeSettings{};
    CheckoutUrls urls;
};

HttpResponse paymentError(const Error &error)
{
    if (error.code == errors::PaymentsNotConfigured)
        return HttpResponse::error(503, error);
    if (error.code == errors::PaymentProviderError)
        return HttpResponse::error(502, error);
    if (error.code == errors::StripeBlockingNotAllowed)
        return HttpResponse::error(503, errors::PaymentsUnavailable,
                                   QStringLiteral("this server cannot call Stripe from its request thread"));
    return api::errorResponse(error);
}

HttpResponse configError(const PaymentConfig &config)
{
    return HttpResponse::error(503, errors::PaymentsNotConfigured, config.stripe.error().message,
                               config.stripe.error().field);
}

// A verified event refused for good (an id or type Stripe never sends): the answer names the
// field, since the sender holds the secret; signature failures say nothing more.
bool signedButRefused(const Error &refusal)
{
    return refusal.code == errors::StripeEventInvalid && !refusal.field.isEmpty();
}

HttpResponse webhook(const HttpRequest &request, const ApiContext &ctx, const PaymentConfig &config)
{
    const QList<QByteArray> secrets = config.stripe ? config.stripe->webhookSecrets : QList<QByteArray>();
    const WebhookOutcome outcome = StripeWebhook::receive(ctx.database(), request.header("Stripe-Signature"),
                                                          request.body, secrets, Clock::current().now());
    if (outcome.status == 400)
        return HttpResponse::error(
            400, signedButRefused(outcome.refusal)
                     ? restate(outcome.refusal,
                               QStringLiteral("the event is signed but not one Stripe sends: %1")
                                   .arg(outcome.refusal.message),
                               outcome.refusal.field)
                     : restate(outcome.refusal,
                               QStringLiteral("the request is not a correctly signed Stripe event")));
    if (outcome.status >= 500)
        return HttpResponse::error(500, errors::Internal, QStringLiteral("the event was not stored; retry"));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("received"), true},
                                               {QStringLiteral("id"), outcome.eventId},
                                               {QStringLiteral("duplicate"), outcome.duplicate},
                                               {QStringLiteral("result"), outcome.result}});
}

// The invoice the caller may act on: staff any of the tenant's, a customer only its own.
Result<QString> visibleInvoiceId(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const Error notFound =
        makeError(errors::NotFound, QStringLiteral("no such invoice"), QStringLiteral("id"));
    const auto id = api::uuidParam(request);
    if (!id)
        return notFound;
    auto inv = billing::Invoices::find(tx, *id);
    if (!inv)
        return inv.error();
    if (caller.kind != Caller::Kind::Staff && inv->customerId != caller.customerId)
        return notFound;
    return *id;
}

// Plan in one short transaction, call Stripe with none open, record in a second one: a slow
// Stripe never holds a connection's transaction or a row lock.
HttpResponse pay(const HttpRequest &request, const ApiContext &ctx, const PaymentConfig &config)
{
    if (auto body = api::emptyBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject); !body)
        return api::errorResponse(body.error());
    std::optional<CheckoutPlan> plan;
    Caller caller;
    QString invoiceId;
    HttpResponse planned = ctx.asCaller(request, true, [&](TenantTransaction &tx, const Caller &c) {
        auto id = visibleInvoiceId(request, tx, c);
        if (!id)
            return api::errorResponse(id.error());
        if (!config.stripe)
            return configError(config);
        auto p = InvoiceCheckout::planCheckout(tx, config.urls, *id, Clock::current().now());
        if (!p)
            return paymentError(p.error());
        plan = std::move(*p);
        caller = c;
        invoiceId = *id;
        return HttpResponse::json(200, QJsonObject{});
    });
    if (!plan)
        return planned;
    auto started = InvoiceCheckout::createSession(*config.stripe, *plan);
    if (!started)
        return paymentError(started.error());
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &) {
        if (auto st = InvoiceCheckout::recordSession(tx, invoiceId, *plan, *started, Clock::current().now());
            !st)
            return api::errorResponse(st.error());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("checkout_url"), started->url},
                                                   {QStringLiteral("session_id"), started->sessionId}});
    });
}

HttpResponse refund(const HttpRequest &request, const ApiContext &ctx, const PaymentConfig &config)
{
    const QString requestKey = QString::fromLatin1(request.header("Idempotency-Key")).left(100);

    std::optional<RefundPlan> plan;
    Caller caller;
    // The body is read once the caller may refund: a role that may not hears 403, whatever it sent.
    HttpResponse planned = ctx.asStaff(request, true, [&](TenantTransaction &tx, const Caller &c) {
        auto body = refundBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject);
        if (!body)
            return api::errorResponse(body.error());
        auto id = visibleInvoiceId(request, tx, c);
        if (!id)
            return api::errorResponse(id.error());
        auto invoice = billing::Invoices::find(tx, *id);
        if (!invoice)
            return api::errorResponse(invoice.error());
        const auto amountText = body->string(QStringLiteral("amount"));
        const QString reasonText = body->string(QStringLiteral("reason"), QString());
        qint64 amountMinor = 0;
        if (amountText) {
            auto amount = Money::parse(*amountText, invoice->currency);
            if (!amount || !amount->isPositive())
                return HttpResponse::error(422, errors::InvalidAmount,
                                           QStringLiteral("amount is a positive decimal such as \"5.00\""),
                                           QStringLiteral("amount"));
            amountMinor = amount->minorAmount();
        }
        if (!config.stripe)
            return configError(config);
        auto p = InvoiceCheckout::planRefund(tx, *id, amountMinor, reasonText, requestKey,
                                             QStringLiteral("staff token %1").arg(c.tokenId));
        if (!p)
            return paymentError(p.error());
        plan = std::move(*p);
        caller = c;
        return HttpResponse::json(200, QJsonObject{});
    });
    if (!plan)
        return planned;
    auto refunded = InvoiceCheckout::createRefund(*config.stripe, *plan);
    if (!refunded)
        return paymentError(refunded.error());
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &c) {
        auto done = InvoiceCheckout::recordRefund(
            tx, *plan, *refunded, QStringLiteral("staff token %1").arg(c.tokenId), Clock::current().now());
        if (!done)
            return api::errorResponse(done.error());
        return HttpResponse::json(200, *done);
    });
}

HttpResponse badParameter(const QString &name, const QString &message)
{
    return HttpResponse::error(400, errors::InvalidParameter, message, name);
}

HttpResponse listPayments(const HttpRequest &request, TenantTransaction &tx)
{
    auto page = api::KeysetPage::parse(request.query, Payments::sortOrders(), QStringLiteral("-created_at"));
    if (!page)
        return api::errorResponse(page.error());
    PaymentListFilter filter;
    for (const auto &[name, field] : {std::pair{QStringLiteral("customer"), &filter.customerId},
                                      std::pair{QStringLiteral("invoice"), &filter.invoiceId}}) {
        const QString value = request.query.queryItemValue(name);
        if (value.isEmpty())
            continue;
        if (!isUuid(value))
            return badParameter(name, QStringLiteral("%1 is a uuid").arg(name));
        *field = value;
    }
    filter.status = request.query.queryItemValue(QStringLiteral("status"));
    if (!filter.status.isEmpty() && !Payments::listStatuses().contains(filter.status))
        return badParameter(
            QStringLiteral("status"),
            QStringLiteral("status is one of %1").arg(Payments::listStatuses().join(QStringLiteral(", "))));
    auto payments = Payments::page(tx, filter, *page);
    if (!payments)
        return api::errorResponse(payments.error());
    QJsonArray items;
    for (const auto &p : std::as_const(payments->items))
        items.append(p.toJson());
    return HttpResponse::json(200, api::pageBody(items, payments->nextCursor));
}

HttpResponse listFlags(const HttpRequest &request, TenantTransaction &tx)
{
    auto page =
        api::KeysetPage::parse(request.query, InvoiceFlags::sortOrders(), QStringLiteral("-created_at"));
    if (!page)
        return api::errorResponse(page.error());
    InvoiceFlagFilter filter;
    const QString state = request.query.queryItemValue(QStringLiteral("state"));
    if (!state.isEmpty()) {
        if (state != QLatin1String("open") && state != QLatin1String("resolved") &&
            state != QLatin1String("all"))
            return badParameter(QStringLiteral("state"), QStringLiteral("state is open, resolved or all"));
        filter.state = state;
    }
    filter.kind = request.query.queryItemValue(QStringLiteral("kind"));
    if (!filter.kind.isEmpty() && filter.kind != QLatin1String("payment_held") &&
        filter.kind != QLatin1String("disputed"))
        return badParameter(QStringLiteral("kind"), QStringLiteral("kind is payment_held or disputed"));
    filter.invoiceId = request.query.queryItemValue(QStringLiteral("invoice"));
    if (!filter.invoiceId.isEmpty() && !isUuid(filter.invoiceId))
        return badParameter(QStringLiteral("invoice"), QStringLiteral("invoice is a uuid"));
    auto flags = InvoiceFlags::list(tx, filter, *page);
    if (!flags)
        return api::errorResponse(flags.error());
    return HttpResponse::json(200, api::pageBody(flags->items, flags->nextCursor));
}

// apply and dismiss act in the one request transaction; refund is planned, sent to Stripe with
// no transaction open, and recorded in a second transaction.
HttpResponse resolvePayment(const HttpRequest &request, const ApiContext &ctx, const PaymentConfig &config)
{
    // Refused after authentication, so a caller without a token learns nothing about the body.
    auto body = resolveBody().parse(request);
    std::optional<RefundPlan> plan;
    Caller caller;
    QString reasonText;
    HttpResponse first = ctx.asStaff(request, true, [&](TenantTransaction &tx, const Caller &c) {
        if (!body)
            return api::errorResponse(body.error());
        const auto parsed =
            PaymentReview::actionFromString(body->string(QStringLiteral("action"), QString()));
        if (!parsed)
            return HttpResponse::error(422, errors::InvalidAction,
                                       QStringLiteral("action is apply, refund or dismiss"),
                                       QStringLiteral("action"));
        reasonText = body->string(QStringLiteral("reason"), QString()).trimmed();
        if (reasonText.isEmpty() || reasonText.size() > 1000)
            return HttpResponse::error(422, errors::InvalidReason,
                                       QStringLiteral("say why, in 1 to 1000 characters"),
                                       QStringLiteral("reason"));
        const auto id = api::uuidParam(request);
        if (!id)
            return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such payment"),
                                       QStringLiteral("id"));
        const QString actor = QStringLiteral("staff token %1").arg(c.tokenId);
        if (*parsed != ResolveAction::Refund) {
            auto done = PaymentReview::resolve(tx, *id, *parsed, reasonText, actor, Clock::current().now());
            if (!done)
                return api::errorResponse(done.error());
            return HttpResponse::json(200, done->toJson());
        }
        if (!config.stripe)
            return configError(config);
        auto p = PaymentReview::planRefund(tx, *id);
        if (!p)
            return api::errorResponse(p.error());
        plan = std::move(*p);
        caller = c;
        return HttpResponse::json(200, QJsonObject{});
    });
    if (!plan)
        return first;
    auto refunded = InvoiceCheckout::createRefund(*config.stripe, *plan);
    if (!refunded)
        return paymentError(refunded.error());
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &c) {
        auto done = PaymentReview::finishRefund(tx, *plan, *refunded, reasonText,
                                                QStringLiteral("staff token %1").arg(c.tokenId),
                                                Clock::current().now());
        if (!done)
            return api::errorResponse(done.error());
        return HttpResponse::json(200, done->toJson());
    });
}

} // namespace

void registerPaymentRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    auto config = std::make_shared<PaymentConfig>();
    config->stripe = StripeSettings::fromConfig(context.config());
    config->urls = CheckoutUrls::fromConfig(context.config());
    RenewalCharges::adoptConfig(context.config());

    // Stripe's events are a few KiB; its paged lists keep even large invoices far below this.
    constexpr qsizetype kWebhookBodyBytes = 512 * 1024;
    router.add(
        QStringLiteral("POST"), QStringLiteral("/webhooks/stripe"),
        [ctx, config](const HttpRequest &r) { return webhook(r, *ctx, *config); }, kWebhookBodyBytes);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/invoices/{id}/pay"),
               [ctx, config](const HttpRequest &r) { return pay(r, *ctx, *config); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/invoices/{id}/refund"),
               [ctx, config](const HttpRequest &r) { return refund(r, *ctx, *config); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/payments/{id}/resolve"),
               [ctx, config](const HttpRequest &r) { return resolvePayment(r, *ctx, *config); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/invoice-flags"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false,
                            [&r](TenantTransaction &tx, const Caller &) { return listFlags(r, tx); });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/payments"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false,
                            [&r](TenantTransaction &tx, const Caller &) { return listPayments(r, tx); });
    });
}

} // namespace mp::payments
