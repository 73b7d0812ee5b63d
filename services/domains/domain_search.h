#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "domains/registrar.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace mp::domains {

struct SearchRequest {
    QString name;          // "example" or "example.com"
    QString currency;      // empty: the tenant's default
    bool forStaff = false; // staff also see hidden TLD products and the registrar's cost
};

// A name across the tenant's TLD products, with the catalog's prices (what the customer pays,
// not the registrar's cost), from one availability check per maxAvailabilityNames() names (one
// call for any catalog of up to 200 TLDs). A name the registrar prices as premium is shown but
// not orderable at the catalog price.
class DomainSearch {
public:
    static const api::RequestBody &body();
    static Result<QJsonObject> run(const QSqlDatabase &db, Registrar &registrar,
                                   const SearchRequest &request);
};

} // namespace mp::domains
