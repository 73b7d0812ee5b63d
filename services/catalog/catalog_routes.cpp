#include "catalog/catalog_routes.h"

#include "api/responses.h"
#include "catalog/catalog_terms.h"
#include "catalog/cloudpod_templates.h"
#include "catalog/product_json.h"
#include "catalog/products.h"
#include "core/errors.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QJsonArray>

namespace mp::catalog {

namespace {

using api::errorResponse;

HttpResponse productNotFound()
{
    return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such product"),
                               QStringLiteral("id"));
}

HttpResponse listProducts(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto page = api::KeysetPage::parse(request.query, Products::sortOrders(), QStringLiteral("type"));
    if (!page)
        return errorResponse(page.error());
    ProductFilter filter;
    filter.type = request.query.queryItemValue(QStringLiteral("type"), QUrl::FullyDecoded);
    if (!filter.type.isEmpty() && !productTypes().contains(filter.type))
        return HttpResponse::error(
            400, errors::InvalidParameter,
            QStringLiteral("type must be one of %1").arg(productTypes().join(QStringLiteral(", "))),
            QStringLiteral("type"));
    filter.visibility = request.query.queryItemValue(QStringLiteral("visibility"), QUrl::FullyDecoded);
    if (!filter.visibility.isEmpty() && !visibilities().contains(filter.visibility))
        return HttpResponse::error(
            400, errors::InvalidParameter,
            QStringLiteral("visibility must be one of %1").arg(visibilities().join(QStringLiteral(", "))),
            QStringLiteral("visibility"));
    // Customers see what they can order, whatever they ask for.
    if (caller.kind == Caller::Kind::Customer)
        filter.visibility = QStringLiteral("active");
    filter.search = api::searchParameter(request.query);
    auto result = Products::list(tx, filter, *page);
    if (!result)
        return errorResponse(result.error());
    QJsonArray items;
    for (const Product &p : std::as_const(result->items))
        items.append(ProductJson::toJson(p));
    return HttpResponse::json(200, api::pageBody(items, result->nextCursor));
}

HttpResponse getProduct(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return productNotFound();
    auto product = Products::find(tx, *id);
    if (!product)
        return errorResponse(product.error());
    if (caller.kind == Caller::Kind::Customer && product->visibility != QLatin1String("active"))
        return productNotFound();
    return HttpResponse::json(200, ProductJson::toJson(*product));
}

HttpResponse createProduct(const HttpRequest &request, TenantTransaction &tx)
{
    auto body = ProductJson::createBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto draft = ProductJson::draftFrom(*body);
    if (!draft)
        return errorResponse(draft.error());
    auto product = Products::create(tx, *draft);
    if (!product)
        return errorResponse(product.error());
    HttpResponse r = HttpResponse::json(201, ProductJson::toJson(*product));
    r.headers.append({"Location", QStringLiteral("/api/products/%1").arg(product->id).toLatin1()});
    return r;
}

HttpResponse updateProduct(const HttpRequest &request, TenantTransaction &tx)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return productNotFound();
    auto body = ProductJson::updateBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto draft = ProductJson::draftFrom(*body);
    if (!draft)
        return errorResponse(draft.error());
    auto product = Products::update(tx, *id, *draft);
    if (!product)
        return errorResponse(product.error());
    return HttpResponse::json(200, ProductJson::toJson(*product));
}

HttpResponse deleteProduct(const HttpRequest &request, TenantTransaction &tx)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return productNotFound();
    auto outcome = Products::remove(tx, *id);
    if (!outcome)
        return errorResponse(outcome.error());
    QJsonObject body{{QStringLiteral("id"), *id}};
    if (*outcome == RemoveOutcome::Deleted) {
        body.insert(QStringLiteral("outcome"), QStringLiteral("deleted"));
        body.insert(QStringLiteral("message"),
                    QStringLiteral("the product was never ordered and is deleted"));
    } else {
        body.insert(QStringLiteral("outcome"), QStringLiteral("retired"));
        body.insert(
            QStringLiteral("message"),
            QStringLiteral("the product was ordered before: it is retired, kept for its subscriptions and "
                           "invoices and hidden from new orders"));
        auto product = Products::find(tx, *id);
        if (!product)
            return errorResponse(product.error());
        body.insert(QStringLiteral("product"), ProductJson::toJson(*product));
    }
    return HttpResponse::json(200, body);
}

HttpResponse templateNotFound()
{
    return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such CloudPod template"),
                               QStringLiteral("id"));
}

HttpResponse listTemplates(TenantTransaction &tx)
{
    auto list = CloudPodTemplates::list(tx);
    if (!list)
        return errorResponse(list.error());
    QJsonArray items;
    for (const CloudPodTemplate &t : std::as_const(*list))
        items.append(CloudPodTemplates::toJson(t));
    return HttpResponse::json(200, api::pageBody(items, {}));
}

HttpResponse writeTemplate(const HttpRequest &request, TenantTransaction &tx, bool create)
{
    std::optional<QString> id;
    if (!create) {
        id = api::uuidParam(request);
        if (!id)
            return templateNotFound();
    }
    auto body = CloudPodTemplates::body().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto t = create ? CloudPodTemplates::create(tx, *body) : CloudPodTemplates::update(tx, *id, *body);
    if (!t)
        return errorResponse(t.error());
    return HttpResponse::json(create ? 201 : 200, CloudPodTemplates::toJson(*t));
}

} // namespace

void registerCatalogRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const QString products = QStringLiteral("/api/products");
    const QString product = QStringLiteral("/api/products/{id}");
    router.add(QStringLiteral("GET"), products, [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return listProducts(r, tx, c); });
    });
    router.add(QStringLiteral("POST"), products, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return createProduct(r, tx); });
    });
    router.add(QStringLiteral("GET"), product, [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return getProduct(r, tx, c); });
    });
    router.add(QStringLiteral("PUT"), product, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return updateProduct(r, tx); });
    });
    router.add(QStringLiteral("DELETE"), product, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return deleteProduct(r, tx); });
    });

    const QString templates = QStringLiteral("/api/cloudpod-templates");
    const QString tmpl = QStringLiteral("/api/cloudpod-templates/{id}");
    router.add(QStringLiteral("GET"), templates, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false,
                            [](TenantTransaction &tx, const Caller &) { return listTemplates(tx); });
    });
    router.add(QStringLiteral("POST"), templates, [ctx](const HttpRequest &r) {
        return ctx->asStaff(
            r, true, [&r](TenantTransaction &tx, const Caller &) { return writeTemplate(r, tx, true); });
    });
    router.add(QStringLiteral("GET"), tmpl, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [&r](TenantTransaction &tx, const Caller &) {
            const auto id = api::uuidParam(r);
            if (!id)
                return templateNotFound();
            auto t = CloudPodTemplates::find(tx, *id);
            if (!t)
                return errorResponse(t.error());
            return HttpResponse::json(200, CloudPodTemplates::toJson(*t));
        });
    });
    router.add(QStringLiteral("PUT"), tmpl, [ctx](const HttpRequest &r) {
        return ctx->asStaff(
            r, true, [&r](TenantTransaction &tx, const Caller &) { return writeTemplate(r, tx, false); });
    });
}

} // namespace mp::catalog
