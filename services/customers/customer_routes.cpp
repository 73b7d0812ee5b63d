#include "customers/customer_routes.h"

#include "api/responses.h"
#include "core/errors.h"
#include "customers/customer_json.h"
#include "customers/customer_sessions.h"
#include "customers/customers.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QJsonArray>

namespace mp::customers {

namespace {

using api::errorResponse;

HttpResponse customerNotFound()
{
    return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such customer"),
                               QStringLiteral("id"));
}

HttpResponse listCustomers(const HttpRequest &request, TenantTransaction &tx)
{
    auto page = api::KeysetPage::parse(request.query, Customers::sortOrders(), QStringLiteral("name"));
    if (!page)
        return errorResponse(page.error());
    CustomerFilter filter;
    filter.search = api::searchParameter(request.query);
    filter.status = request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (!filter.status.isEmpty() && filter.status != QLatin1String("active") &&
        filter.status != QLatin1String("suspended") && filter.status != QLatin1String("closed"))
        return HttpResponse::error(400, errors::InvalidParameter,
                                   QStringLiteral("status must be active, suspended or closed"),
                                   QStringLiteral("status"));
    auto result = Customers::list(tx, filter, *page);
    if (!result)
        return errorResponse(result.error());
    QJsonArray items;
    for (const Customer &c : std::as_const(result->items))
        items.append(CustomerJson::toJson(c, true));
    return HttpResponse::json(200, api::pageBody(items, result->nextCursor));
}

HttpResponse createCustomer(const HttpRequest &request, TenantTransaction &tx)
{
    auto body = CustomerJson::staffBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    const CustomerDraft draft = CustomerJson::draftFrom(*body);
    auto customer = Customers::create(tx, draft);
    if (!customer)
        return errorResponse(customer.error());
    HttpResponse r = HttpResponse::json(201, CustomerJson::toJson(*customer, true));
    r.headers.append({"Location", QStringLiteral("/api/customers/%1").arg(customer->id).toLatin1()});
    return r;
}

HttpResponse getCustomer(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    // A customer asking for anyone else gets the answer a missing id gets.
    if (!id || (!isStaff(caller) && *id != caller.customerId))
        return customerNotFound();
    auto customer = Customers::find(tx, *id);
    if (!customer)
        return errorResponse(customer.error());
    return HttpResponse::json(200, CustomerJson::toJson(*customer, isStaff(caller)));
}

HttpResponse updateCustomer(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    if (!id || (!isStaff(caller) && *id != caller.customerId))
        return customerNotFound();
    auto body = (isStaff(caller) ? CustomerJson::staffBody() : CustomerJson::customerBody()).parse(request);
    if (!body)
        return errorResponse(body.error());
    const CustomerDraft draft = CustomerJson::draftFrom(*body);
    auto customer = Customers::update(tx, *id, draft);
    if (!customer)
        return errorResponse(customer.error());
    // A suspended or closed account, or one whose password staff reset, is signed out everywhere.
    const bool lockedOut = customer->status != QLatin1String("active");
    const bool passwordReset = draft.password && !draft.password->isEmpty();
    if (lockedOut || passwordReset) {
        if (auto s = CustomerSessions::revokeAllFor(
                tx, *id, lockedOut ? customer->status : QStringLiteral("password_reset"));
            !s)
            return errorResponse(s.error());
    }
    return HttpResponse::json(200, CustomerJson::toJson(*customer, isStaff(caller)));
}

} // namespace

void registerCustomerRoutes(Router &router, ApiContext &context)
{
    // One fragment covers /api/customers and /api/auth/*.
    context.setCustomerTokenResolver(&CustomerSessions::resolveAccessToken);
    ApiContext *ctx = &context;
    const QString customers = QStringLiteral("/api/customers");
    const QString customer = QStringLiteral("/api/customers/{id}");
    router.add(QStringLiteral("GET"), customers, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false,
                            [&r](TenantTransaction &tx, const Caller &) { return listCustomers(r, tx); });
    });
    router.add(QStringLiteral("POST"), customers, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return createCustomer(r, tx); });
    });
    router.add(QStringLiteral("GET"), customer, [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return getCustomer(r, tx, c); });
    });
    router.add(QStringLiteral("PUT"), customer, [ctx](const HttpRequest &r) {
        return ctx->asCaller(
            r, true, [&r](TenantTransaction &tx, const Caller &c) { return updateCustomer(r, tx, c); });
    });
}

} // namespace mp::customers
