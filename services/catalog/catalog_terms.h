#pragma once

#include <QString>
#include <QStringList>

namespace mp::catalog {

// The product types the modules declared (provisioning::ProductTypes), in declaration order.
QStringList productTypes();
// The closed vocabularies of the catalog, spelled as the database CHECK constraints and the API
// spell them. Kept as strings end to end: there is nothing to convert, only to validate.
const QStringList &visibilities();  // active, hidden, retired
const QStringList &billingCycles(); // monthly ... triennial, one_time (in display order)
const QStringList &domainActions(); // register, renew, transfer

inline constexpr int kMinDomainYears = 1;
inline constexpr int kMaxDomainYears = 10;

} // namespace mp::catalog
