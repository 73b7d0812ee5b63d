#include "payments/payments_routes.h"

#include "api/json_fields.h"
#include "api/openapi.h"
#include "api/responses.h"
#include "billing/invoices.h"
#include "core/clock.h"
#include "http/api_context.h"
#include "http/router.h"
#include "money/money.h"
#include "payments/invoice_checkout.h"
#include "payments/payments.h"
#include "payments/payments_openapi.h"
#include "payments/stripe_webhook.h"

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
    if (error.code == QLatin1String("payments_not_configured"))
        return HttpResponse::error(503, error);
    if (error.code == QLatin1String("payment_provider_error"))
        return HttpResponse::error(502, error);
    if (error.code == QLatin1String("stripe_blocking_not_allowed"))
        return HttpResponse::error(503, QStringLiteral("payments_unavailable"),
                                   QStringLiteral("this server cannot call Stripe from its request thread"));
    return api::errorResponse(error);
}

HttpResponse configError(const PaymentConfig &config)
{
    return HttpResponse::error(503, QStringLiteral("payments_not_configured"), config.stripe.error().message,
                               config.stripe.error().field);
}

HttpResponse webhook(const HttpRequest &request, const ApiContext &ctx, const PaymentConfig &config)
{
    const QList<QByteArray> secrets = config.stripe ? config.stripe->webhookSecrets : QList<QByteArray>();
    const WebhookOutcome outcome = StripeWebhook::receive(ctx.database(), request.header("Stripe-Signature"),
                                                          request.body, secrets, Clock::current().now());
    if (outcome.status == 400)
        return HttpResponse::error(400, outcome.result,
                                   QStringLiteral("the request is not a correctly signed Stripe event"));
    if (outcome.status >= 500)
        return HttpResponse::error(500, QStringLiteral("internal"),
                                   QStringLiteral("the event was not stored; retry"));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("received"), true},
                                               {QStringLiteral("id"), outcome.eventId},
                                               {QStringLiteral("duplicate"), outcome.duplicate},
                                               {QStringLiteral("result"), outcome.result}});
}

// The invoice the caller may act on: staff any of the tenant's, a customer only its own.
Result<QString> visibleInvoiceId(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const Error notFound =
        makeError(QStringLiteral("not_found"), QStringLiteral("no such invoice"), QStringLiteral("id"));
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

HttpResponse pay(const HttpRequest &request, TenantTransaction &tx, const Caller &caller,
                 const PaymentConfig &config)
{
    if (!request.body.trimmed().isEmpty()) {
        if (auto body = parseJsonBody(request, {}); !body)
            return api::errorResponse(body.error());
    }
    auto id = visibleInvoiceId(request, tx, caller);
    if (!id)
        return api::errorResponse(id.error());
    if (!config.stripe)
        return configError(config);
    auto started = InvoiceCheckout::start(tx, *config.stripe, config.urls, *id, Clock::current().now());
    if (!started)
        return paymentError(started.error());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("checkout_url"), started->url},
                                               {QStringLiteral("session_id"), started->sessionId}});
}

HttpResponse refund(const HttpRequest &request, TenantTransaction &tx, const Caller &caller,
                    const PaymentConfig &config)
{
    QJsonObject object;
    if (!request.body.trimmed().isEmpty()) {
        auto body = parseJsonBody(request, {QStringLiteral("amount"), QStringLiteral("reason")});
        if (!body)
            return api::errorResponse(body.error());
        object = *body;
    }
    auto id = visibleInvoiceId(request, tx, caller);
    if (!id)
        return api::errorResponse(id.error());
    auto invoice = billing::Invoices::find(tx, *id);
    if (!invoice)
        return api::errorResponse(invoice.error());
    const api::JsonFields f(object);
    auto amountText = f.optionalString(QStringLiteral("amount"));
    if (!amountText)
        return api::errorResponse(amountText.error());
    qint64 amountMinor = 0;
    if (amountText->has_value()) {
        auto amount = Money::parse(**amountText, invoice->currency);
        if (!amount || !amount->isPositive())
            return HttpResponse::error(422, QStringLiteral("invalid_amount"),
                                       QStringLiteral("amount is a positive decimal such as \"5.00\""),
                                       QStringLiteral("amount"));
        amountMinor = amount->minorAmount();
    }
    auto reason = f.optionalString(QStringLiteral("reason"));
    if (!reason)
        return api::errorResponse(reason.error());
    const QString reasonText = reason->value_or(QString());
    if (!reasonText.isEmpty() && reasonText != QLatin1String("duplicate") &&
        reasonText != QLatin1String("fraudulent") && reasonText != QLatin1String("requested_by_customer"))
        return HttpResponse::error(422, QStringLiteral("invalid_reason"),
                                   QStringLiteral("reason is duplicate, fraudulent or requested_by_customer"),
                                   QStringLiteral("reason"));
    if (!config.stripe)
        return configError(config);
    const QString requestKey = QString::fromLatin1(request.header("Idempotency-Key")).left(100);
    auto done =
        InvoiceCheckout::refund(tx, *config.stripe, *id, amountMinor, reasonText, requestKey,
                                QStringLiteral("staff token %1").arg(caller.tokenId), Clock::current().now());
    if (!done)
        return paymentError(done.error());
    return HttpResponse::json(200, *done);
}

HttpResponse listPayments(const HttpRequest &request, TenantTransaction &tx)
{
    PaymentFilter filter;
    for (const auto &[name, field] : {std::pair{QStringLiteral("customer"), &filter.customerId},
                                      std::pair{QStringLiteral("invoice"), &filter.invoiceId}}) {
        const QString value = request.query.queryItemValue(name);
        if (value.isEmpty())
            continue;
        if (QUuid::fromString(value).isNull())
            return HttpResponse::error(400, QStringLiteral("invalid_parameter"),
                                       QStringLiteral("%1 is a uuid").arg(name), name);
        *field = value;
    }
    const QString limit = request.query.queryItemValue(QStringLiteral("limit"));
    if (!limit.isEmpty()) {
        bool ok = false;
        filter.limit = limit.toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > 500)
            return HttpResponse::error(400, QStringLiteral("invalid_parameter"),
                                       QStringLiteral("limit is 1 to 500"), QStringLiteral("limit"));
    }
    auto payments = Payments::list(tx, filter);
    if (!payments)
        return api::errorResponse(payments.error());
    QJsonArray items;
    for (const auto &p : std::as_const(*payments))
        items.append(p.toJson());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

} // namespace

void registerPaymentRoutes(Router &router, ApiContext &context)
{
    api::OpenApi::addFragment(openApiFragment());
    const ApiContext *ctx = &context;
    auto config = std::make_shared<PaymentConfig>();
    config->stripe = StripeSettings::fromConfig(context.config());
    config->urls = CheckoutUrls::fromConfig(context.config());

    router.add(QStringLiteral("POST"), QStringLiteral("/webhooks/stripe"),
               [ctx, config](const HttpRequest &r) { return webhook(r, *ctx, *config); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/invoices/{id}/pay"),
               [ctx, config](const HttpRequest &r) {
                   return ctx->asCaller(r, true, [&r, &config](TenantTransaction &tx, const Caller &c) {
                       return pay(r, tx, c, *config);
                   });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/invoices/{id}/refund"),
               [ctx, config](const HttpRequest &r) {
                   return ctx->asStaff(r, true, [&r, &config](TenantTransaction &tx, const Caller &c) {
                       return refund(r, tx, c, *config);
                   });
               });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/payments"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false,
                            [&r](TenantTransaction &tx, const Caller &) { return listPayments(r, tx); });
    });
}

} // namespace mp::payments
