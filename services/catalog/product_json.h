#pragma once

#include "api/request_body.h"
#include "catalog/product.h"
#include "core/result.h"

#include <QJsonObject>
#include <QStringList>

namespace mp::catalog {

// The product's API shape. Amounts travel as decimal strings ("9.99"), never JSON numbers, so
// no client float ever touches a price; the minor-unit integer is included for convenience.
class ProductJson {
public:
    // POST /api/products (ProductInput) and PUT /api/products/{id} (ProductUpdate: the type is
    // fixed at creation, since it decides which other fields make sense).
    static const api::RequestBody &createBody();
    static const api::RequestBody &updateBody();

    // Reads a body into a draft: `declaration` checks its shape (wrong JSON types are
    // "invalid_type" (400); an unknown cycle, an invalid currency or years out of range a 422
    // naming the field, e.g. "prices[1].currency"), then amounts are parsed in their currency
    // (malformed, negative) and repeated prices refused.
    static Result<ProductDraft> draftFrom(const QJsonObject &body, const api::RequestBody &declaration);
    static Result<ProductDraft> draftFrom(const api::BodyValues &values);
    static QJsonObject toJson(const Product &product);
};

} // namespace mp::catalog
