#include "payments/card_routes.h"

#include "api/request_body.h"
#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "http/api_context.h"
#include "http/router.h"
#include "payments/saved_cards.h"

#include <QJsonArray>

#include <memory>
#include <optional>

namespace mp::payments {

namespace {

using api::errorResponse;

// The customer whose cards a call is about: a customer's own; staff name one (customer_id).
Result<QString> cardOwner(const Caller &caller, const QString &requested)
{
    if (!isStaff(caller)) {
        if (!requested.isEmpty() && requested != caller.customerId)
            return makeError(errors::Forbidden, QStringLiteral("customers see their own cards"),
                             QStringLiteral("customer_id"));
        return caller.customerId;
    }
    if (!isUuid(requested))
        return makeError(errors::MissingField,
                         QStringLiteral("staff: send customer_id, the customer whose cards"),
                         QStringLiteral("customer_id"));
    return requested;
}

QString ownerFilter(const Caller &caller)
{
    return isStaff(caller) ? QString() : caller.customerId;
}

HttpResponse cardList(const QList<SavedCard> &cards, bool synced)
{
    QJsonArray items;
    for (const SavedCard &c : cards)
        items.append(c.toJson());
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("synced"), synced}});
}

// Read the link in one transaction, ask Stripe with none open, store what it said in a second.
HttpResponse listCards(const HttpRequest &request, const ApiContext &ctx,
                       const Result<StripeSettings> &stripe)
{
    Caller caller;
    QString owner, stripeCustomer;
    std::optional<QList<SavedCard>> stored;
    HttpResponse first = ctx.asCaller(request, false, [&](TenantTransaction &tx, const Caller &c) {
        auto who =
            cardOwner(c, request.query.queryItemValue(QStringLiteral("customer_id"), QUrl::FullyDecoded));
        if (!who)
            return errorResponse(who.error());
        auto link = SavedCards::stripeCustomer(tx, *who);
        if (!link)
            return errorResponse(link.error());
        auto cards = SavedCards::list(tx, *who);
        if (!cards)
            return errorResponse(cards.error());
        caller = c;
        owner = *who;
        stripeCustomer = *link;
        stored = *cards;
        return HttpResponse::json(200, QJsonObject{});
    });
    if (!stored)
        return first;
    if (stripeCustomer.isEmpty() || !stripe || !stripe->canCall())
        return cardList(*stored, stripeCustomer.isEmpty());
    auto fetched = SavedCards::fetch(*stripe, stripeCustomer);
    if (!fetched)
        return cardList(*stored, false);
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &) {
        auto synced = SavedCards::sync(tx, owner, *fetched, Clock::current().now());
        if (!synced)
            return errorResponse(synced.error());
        return cardList(*synced, true);
    });
}

HttpResponse makeDefault(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    if (auto body = api::emptyBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject); !body)
        return errorResponse(body.error());
    auto card =
        SavedCards::setDefault(tx, ownerFilter(caller), request.pathParams.value(QStringLiteral("id")));
    if (!card)
        return errorResponse(card.error());
    return HttpResponse::json(200, card->toJson());
}

HttpResponse removeCard(const HttpRequest &request, const ApiContext &ctx,
                        const Result<StripeSettings> &stripe)
{
    std::optional<SavedCard> card;
    Caller caller;
    HttpResponse first = ctx.asCaller(request, true, [&](TenantTransaction &tx, const Caller &c) {
        auto found = SavedCards::find(tx, ownerFilter(c), request.pathParams.value(QStringLiteral("id")));
        if (!found)
            return errorResponse(found.error());
        card = *found;
        caller = c;
        return HttpResponse::json(200, QJsonObject{});
    });
    if (!card)
        return first;
    if (!stripe)
        return HttpResponse::error(503, stripe.error());
    if (stripe->canCall()) {
        if (auto st = SavedCards::detach(*stripe, *card); !st)
            return HttpResponse::error(502, st.error());
    }
    return ctx.inTenant(caller, [&](TenantTransaction &tx, const Caller &) {
        if (auto st = SavedCards::forget(tx, *card); !st)
            return errorResponse(st.error());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("deleted"), true}});
    });
}

} // namespace

void registerCardRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    auto stripe = std::make_shared<Result<StripeSettings>>(StripeSettings::fromConfig(context.config()));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/cards"),
               [ctx, stripe](const HttpRequest &r) { return listCards(r, *ctx, *stripe); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/cards/{id}/default"),
               [ctx](const HttpRequest &r) {
                   return ctx->asCaller(r, true, [&r](TenantTransaction &tx, const Caller &c) {
                       return makeDefault(r, tx, c);
                   });
               });
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/cards/{id}"),
               [ctx, stripe](const HttpRequest &r) { return removeCard(r, *ctx, *stripe); });
}

} // namespace mp::payments
