#include "subscriptions/subscription_routes.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "http/api_context.h"
#include "http/router.h"
#include "module/service_lifecycle.h"
#include "subscriptions/subscription_bodies.h"
#include "subscriptions/subscription_change.h"
#include "subscriptions/subscription_errors.h"
#include "subscriptions/subscription_json.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_renewals.h"
#include "subscriptions/subscription_settings.h"
#include "subscriptions/subscriptions.h"

#include <QJsonArray>
#include <QUuid>

namespace mp::subscriptions {

namespace {

using api::errorResponse;

HttpResponse badParameter(const QString &name, const QString &message)
{
    return HttpResponse::error(400, errors::InvalidParameter, message, name);
}

// A subscription the caller may see: staff any of the tenant's, a customer only its own; any
// other is the same 404 as an id that does not exist.
Result<Subscription> visible(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return makeError(errors::NotFound, QStringLiteral("no such subscription"), QStringLiteral("id"));
    auto s = Subscriptions::find(tx, *id);
    if (!s)
        return s.error();
    if (!isStaff(caller) && s->customerId != caller.customerId)
        return makeError(errors::NotFound, QStringLiteral("no such subscription"), QStringLiteral("id"));
    return s;
}

HttpResponse detailResponse(TenantTransaction &tx, const Subscription &s, const Caller &caller)
{
    auto links = Subscriptions::links(tx, s);
    if (!links)
        return errorResponse(links.error());
    QJsonObject json = SubscriptionJson::detail(s, *links);
    {
        // What was really provisioned, each service (each pod) with its own state, beside the
        // state the subscription expects.
        auto services = provisioning::serviceDetails(tx, s.serviceRequest(), isStaff(caller));
        if (!services)
            return errorResponse(services.error());
        QJsonObject provisioning = json.value(QStringLiteral("provisioning")).toObject();
        provisioning.insert(QStringLiteral("services"), *services);
        json.insert(QStringLiteral("provisioning"), provisioning);
    }
    if (isStaff(caller)) {
        // What the product type's provisioner says of the service, as the console shows it; for
        // staff only, since it names nodes and provider errors.
        auto service = provisioning::serviceStatus(tx, s.serviceRequest());
        if (!service)
            return errorResponse(service.error());
        QJsonObject provisioning = json.value(QStringLiteral("provisioning")).toObject();
        provisioning.insert(QStringLiteral("status"), *service);
        json.insert(QStringLiteral("provisioning"), provisioning);
    }
    return HttpResponse::json(200, json);
}

HttpResponse listSubscriptions(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto page =
        api::KeysetPage::parse(request.query, Subscriptions::sortOrders(), QStringLiteral("-created_at"));
    if (!page)
        return errorResponse(page.error());
    SubscriptionFilter filter;
    filter.status = request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (!filter.status.isEmpty() && !subscriptionStatuses().contains(filter.status))
        return badParameter(QStringLiteral("status"),
                            QStringLiteral("status must be one of %1")
                                .arg(subscriptionStatuses().join(QStringLiteral(", "))));
    filter.productId = request.query.queryItemValue(QStringLiteral("product_id"), QUrl::FullyDecoded);
    if (!filter.productId.isEmpty() && !isUuid(filter.productId))
        return badParameter(QStringLiteral("product_id"), QStringLiteral("product_id must be a uuid"));
    if (isStaff(caller)) {
        filter.customerId = request.query.queryItemValue(QStringLiteral("customer_id"), QUrl::FullyDecoded);
        if (!filter.customerId.isEmpty() && !isUuid(filter.customerId))
            return badParameter(QStringLiteral("customer_id"), QStringLiteral("customer_id must be a uuid"));
    } else {
        filter.customerId = caller.customerId;
    }
    const QString due = request.query.queryItemValue(QStringLiteral("due_within_days"), QUrl::FullyDecoded);
    if (!due.isEmpty()) {
        bool ok = false;
        const int days = due.toInt(&ok);
        if (!ok || days < 0 || days > 3650)
            return badParameter(QStringLiteral("due_within_days"),
                                QStringLiteral("due_within_days is a whole number of days, 0 to 3650"));
        filter.dueWithinDays = days;
    }
    auto settings = SubscriptionSettingsStore::load(tx);
    if (!settings)
        return errorResponse(settings.error());
    const QDate today = Clock::current().now().toTimeZone(settings->timeZone).date();
    auto result = Subscriptions::list(tx, filter, *page, today);
    if (!result)
        return errorResponse(result.error());
    QJsonArray items;
    for (const Subscription &s : std::as_const(result->items))
        items.append(SubscriptionJson::toJson(s));
    return HttpResponse::json(200, api::pageBody(items, result->nextCursor));
}

HttpResponse getSubscription(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto s = visible(request, tx, caller);
    if (!s)
        return errorResponse(s.error());
    return detailResponse(tx, *s, caller);
}

HttpResponse cancelSubscription(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto s = visible(request, tx, caller);
    if (!s)
        return errorResponse(s.error());
    auto body = cancelBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    const QString mode = body->string(QStringLiteral("mode"), QString());
    auto done = SubscriptionLifecycle::cancel(
        tx, s->id, mode == QLatin1String("now") ? CancelMode::Now : CancelMode::PeriodEnd, actorOf(caller),
        Clock::current().now());
    if (!done)
        return errorResponse(done.error());
    return detailResponse(tx, *done, caller);
}

using Action = Result<Subscription> (*)(TenantTransaction &, const QString &, const QString &,
                                        const QDateTime &);

HttpResponse staffAction(const HttpRequest &request, TenantTransaction &tx, const Caller &caller,
                         Action action)
{
    auto s = visible(request, tx, caller);
    if (!s)
        return errorResponse(s.error());
    auto done = action(tx, s->id, actorOf(caller), Clock::current().now());
    if (!done)
        return errorResponse(done.error());
    return detailResponse(tx, *done, caller);
}

HttpResponse renewNow(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto s = visible(request, tx, caller);
    if (!s)
        return errorResponse(s.error());
    auto invoiceId = SubscriptionRenewals::renewNow(tx, s->id, actorOf(caller), Clock::current().now());
    if (!invoiceId) {
        const QString &code = invoiceId.error().code;
        if (code == errors::Conflict || code == errors::AlreadyInvoiced)
            return HttpResponse::error(409, invoiceId.error());
        if (code == errors::RenewalFailed)
            return HttpResponse::error(422, restate(invoiceId.error(), invoiceId.error().message));
        return errorResponse(invoiceId.error());
    }
    auto fresh = Subscriptions::find(tx, s->id);
    if (!fresh)
        return errorResponse(fresh.error());
    HttpResponse r = detailResponse(tx, *fresh, caller);
    r.status = 201;
    r.headers.append({"Location", QStringLiteral("/api/invoices/%1").arg(*invoiceId).toLatin1()});
    return r;
}

// Upgrade or downgrade: 201 with the change (and its invoice) when it is new, 200 when a double
// submit found the pending one.
HttpResponse changeSubscription(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto s = visible(request, tx, caller);
    if (!s)
        return errorResponse(s.error());
    auto body = changeBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    ChangeRequest change{body->string(QStringLiteral("product_id"), QString()),
                         body->string(QStringLiteral("cycle"), QString()),
                         body->string(QStringLiteral("currency"), QString()), actorOf(caller)};
    auto done = SubscriptionChanges::request(tx, s->id, change, Clock::current().now());
    if (!done) {
        const QString &code = done.error().code;
        if (code == errors::NoChange || code == errors::RenewalInvoiced || code == errors::ChangePending)
            return HttpResponse::error(409, done.error());
        return errorResponse(done.error());
    }
    HttpResponse r = HttpResponse::json(done->created ? 201 : 200, done->toJson());
    if (!done->invoiceId.isEmpty())
        r.headers.append({"Location", QStringLiteral("/api/invoices/%1").arg(done->invoiceId).toLatin1()});
    return r;
}

} // namespace

void registerSubscriptionRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/subscriptions"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(
            r, false, [&r](TenantTransaction &tx, const Caller &c) { return listSubscriptions(r, tx, c); });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/subscriptions/{id}"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(
            r, false, [&r](TenantTransaction &tx, const Caller &c) { return getSubscription(r, tx, c); });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/subscriptions/{id}/cancel"),
               [ctx](const HttpRequest &r) {
                   return ctx->asCaller(r, true, [&r](TenantTransaction &tx, const Caller &c) {
                       return cancelSubscription(r, tx, c);
                   });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/subscriptions/{id}/change"),
               [ctx](const HttpRequest &r) {
                   return ctx->asCaller(r, true, [&r](TenantTransaction &tx, const Caller &c) {
                       return changeSubscription(r, tx, c);
                   });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/subscriptions/{id}/suspend"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(r, true, [&r](TenantTransaction &tx, const Caller &c) {
                       return staffAction(r, tx, c, &SubscriptionLifecycle::suspend);
                   });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/subscriptions/{id}/unsuspend"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(r, true, [&r](TenantTransaction &tx, const Caller &c) {
                       return staffAction(r, tx, c, &SubscriptionLifecycle::unsuspend);
                   });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/subscriptions/{id}/renew-now"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, true, [&r](TenantTransaction &tx, const Caller &c) { return renewNow(r, tx, c); });
               });
}

} // namespace mp::subscriptions
