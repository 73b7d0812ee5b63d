#include "notifications/notification_routes.h"

#include "api/keyset_page.h"
#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "http/api_context.h"
#include "http/router.h"
#include "notifications/mail_settings.h"
#include "notifications/notification_bodies.h"
#include "notifications/notification_environment.h"
#include "notifications/outbox.h"

#include <QJsonArray>

namespace mp::notifications {

namespace {

using api::errorResponse;

// The relay's password is the tenant's most sensitive setting: owners and admins only, reading
// included (the settings name the relay and its user).
bool mayManage(const Caller &caller)
{
    return caller.role == StaffRole::Owner || caller.role == StaffRole::Admin;
}

HttpResponse forbidden()
{
    return HttpResponse::error(403, errors::Forbidden, QStringLiteral("owners and admins only"), QString());
}

HttpResponse getSettings(TenantTransaction &tx, const Caller &caller)
{
    if (!mayManage(caller))
        return forbidden();
    auto settings = MailSettingsStore::load(tx);
    if (!settings)
        return errorResponse(settings.error());
    if (!*settings)
        return HttpResponse::error(404, errors::NotFound, QStringLiteral("mail is not set up yet"),
                                   QString());
    return HttpResponse::json(200, (*settings)->toJson());
}

HttpResponse putSettings(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    if (!mayManage(caller))
        return forbidden();
    auto body = mailSettingsBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto saved = MailSettingsStore::save(tx, *body, Clock::current().now());
    if (!saved)
        return errorResponse(saved.error());
    return HttpResponse::json(200, saved->toJson());
}

HttpResponse listOutbox(const HttpRequest &request, TenantTransaction &tx)
{
    auto page = api::KeysetPage::parse(request.query, Outbox::sortOrders(), QStringLiteral("-created_at"));
    if (!page)
        return errorResponse(page.error());
    const QString status = request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (!status.isEmpty() && !Outbox::statuses().contains(status))
        return HttpResponse::error(
            400, errors::InvalidParameter,
            QStringLiteral("status must be one of %1").arg(Outbox::statuses().join(QStringLiteral(", "))),
            QStringLiteral("status"));
    auto result = Outbox::list(tx, status, *page);
    if (!result)
        return errorResponse(result.error());
    QJsonArray items;
    for (const OutboxEntry &e : std::as_const(result->items))
        items.append(e.toJson());
    return HttpResponse::json(200, api::pageBody(items, result->nextCursor));
}

HttpResponse retryMessage(const HttpRequest &request, TenantTransaction &tx)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such message"),
                                   QStringLiteral("id"));
    auto entry = Outbox::retry(tx, *id, Clock::current().now());
    if (!entry)
        return errorResponse(entry.error());
    return HttpResponse::json(200, entry->toJson());
}

} // namespace

void registerNotificationRoutes(Router &router, ApiContext &context)
{
    // The sender job has no Config of its own: it reads the service's from here.
    NotificationEnvironment::adopt(context.config());
    const ApiContext *ctx = &context;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/notifications/settings"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, false, [](TenantTransaction &tx, const Caller &c) { return getSettings(tx, c); });
               });
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/notifications/settings"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(r, true, [&r](TenantTransaction &tx, const Caller &c) {
                       return putSettings(r, tx, c);
                   });
               });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/notifications/outbox"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, false, [&r](TenantTransaction &tx, const Caller &) { return listOutbox(r, tx); });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/notifications/outbox/{id}/retry"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, true, [&r](TenantTransaction &tx, const Caller &) { return retryMessage(r, tx); });
               });
}

} // namespace mp::notifications
