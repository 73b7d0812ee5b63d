#include "catalog/catalog_terms.h"

#include "module/product_types.h"

namespace mp::catalog {

QStringList productTypes()
{
    return provisioning::ProductTypes::global().ids();
}

const QStringList &visibilities()
{
    static const QStringList list{QStringLiteral("active"), QStringLiteral("hidden"),
                                  QStringLiteral("retired")};
    return list;
}

const QStringList &billingCycles()
{
    static const QStringList list{QStringLiteral("monthly"),    QStringLiteral("quarterly"),
                                  QStringLiteral("semiannual"), QStringLiteral("annual"),
                                  QStringLiteral("biennial"),   QStringLiteral("triennial"),
                                  QStringLiteral("one_time")};
    return list;
}

const QStringList &domainActions()
{
    static const QStringList list{QStringLiteral("register"), QStringLiteral("renew"),
                                  QStringLiteral("transfer")};
    return list;
}

} // namespace mp::catalog
