#pragma once

#include "catalog/product.h"
#include "core/result.h"

#include <QJsonObject>
#include <QStringList>

namespace mp::catalog {

// The product's API shape. Amounts travel as decimal strings ("9.99"), never JSON numbers, so
// no client float ever touches a price; the minor-unit integer is included for convenience.
class ProductJson {
public:
    static const QStringList &createFields();
    static const QStringList &updateFields();

    // Reads a request body into a draft. Wrong JSON types are "invalid_type" (400); a bad value
    // (unknown cycle, invalid currency, negative or malformed amount, years out of range) is a
    // 422 error naming the field, e.g. "prices[1].currency".
    static Result<ProductDraft> draftFrom(const QJsonObject &body);
    static QJsonObject toJson(const Product &product);
};

} // namespace mp::catalog
