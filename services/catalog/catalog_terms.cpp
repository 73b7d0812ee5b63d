#include "catalog/catalog_terms.h"

namespace mp::catalog {

const QStringList &productTypes()
{
    static const QStringList list{QStringLiteral("cloudpod"), QStringLiteral("domain"),
                                  QStringLiteral("email"),    QStringLiteral("backup"),
                                  QStringLiteral("ssl"),      QStringLiteral("other")};
    return list;
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
