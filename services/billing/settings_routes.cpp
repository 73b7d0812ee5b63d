#include "billing/settings_routes.h"

#include "api/responses.h"
#include "billing/company_settings.h"
#include "billing/tax_rate_store.h"
#include "core/clock.h"
#include "http/router.h"
#include "http/tenant_routes.h"

#include <QJsonArray>

namespace mp::billing {

namespace {

using api::errorResponse;

HttpResponse settingsAnswer(TenantTransaction &tx, const Result<BillingSettings> &settings)
{
    if (!settings)
        return errorResponse(settings.error());
    auto logo = CompanySettingsStore::logo(tx);
    if (!logo)
        return errorResponse(logo.error());
    return HttpResponse::json(200, CompanySettingsStore::toJson(*settings, *logo));
}

} // namespace

void registerSettingsRoutes(Router &router, ApiContext &context)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/billing/settings"),
               staffRoute(context, false, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   return settingsAnswer(tx, BillingSettingsStore::load(tx));
               }));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/billing/settings"),
               staffRoute(context, true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = CompanySettingsStore::body().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return settingsAnswer(tx, CompanySettingsStore::update(tx, *body, Clock::current().now()));
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/tax-rates"),
               staffRoute(context, false, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto rates = TaxRateStore::list(tx);
                   if (!rates)
                       return errorResponse(rates.error());
                   QJsonArray items;
                   for (const TaxRateRecord &r : std::as_const(*rates))
                       items.append(TaxRateStore::toJson(r));
                   return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/tax-rates"),
               staffRoute(context, true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = TaxRateStore::body().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   auto created = TaxRateStore::create(tx, *body);
                   if (!created)
                       return errorResponse(created.error());
                   return HttpResponse::json(201, TaxRateStore::toJson(*created));
               }));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/tax-rates/{id}"),
               staffRoute(context, true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto removed = TaxRateStore::remove(tx, r.pathParams.value(QStringLiteral("id")));
                   if (!removed)
                       return errorResponse(removed.error());
                   return HttpResponse::json(200, QJsonObject{{QStringLiteral("deleted"), true}});
               }));
}

} // namespace mp::billing
