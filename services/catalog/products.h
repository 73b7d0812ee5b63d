#pragma once

#include "api/keyset_page.h"
#include "catalog/product.h"
#include "core/result.h"

namespace mp {
class TenantTransaction;
}

namespace mp::catalog {

struct ProductPage {
    QList<Product> items;
    QString nextCursor; // empty on the last page
};

// What DELETE did: a product that was ever ordered stays (retired) for its subscriptions and
// invoices; one that never was is gone.
enum class RemoveOutcome { Deleted, Retired };

// The tenant's products with their cycle and TLD prices. Every call runs inside the caller's
// tenant transaction, so row-level security scopes it; ids of other tenants are "not_found".
class Products {
public:
    static QList<api::SortOrder> sortOrders(); // "type" (grouped, the default), "name", "created_at"

    static Result<ProductPage> list(TenantTransaction &tx, const ProductFilter &filter,
                                    const api::KeysetPage &page);
    static Result<Product> find(TenantTransaction &tx, const QString &id);
    static Result<Product> create(TenantTransaction &tx, const ProductDraft &draft);
    static Result<Product> update(TenantTransaction &tx, const QString &id, const ProductDraft &draft);
    static Result<RemoveOutcome> remove(TenantTransaction &tx, const QString &id);

    // The rules that span fields: a CloudPod product needs a template, a domain product a TLD and
    // a register price, and neither carries the other's fields. Errors name the field.
    static Status validate(const Product &product);
    // " .COM " -> "com"; empty when it is no valid TLD.
    static QString normaliseTld(const QString &tld);
};

} // namespace mp::catalog
