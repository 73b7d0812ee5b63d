#include "catalog/catalog_module.h"

#include "catalog/catalog_openapi.h"
#include "catalog/catalog_routes.h"
#include "module/module_context.h"
#include "module/product_types.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mp::catalog {

namespace {

// Types the catalog sells today with nothing behind them yet. Each moves to its module's own
// declaration (domains, mail, SSL...) when that module lands.
provisioning::ProductType typeWithoutModule(const char *id, const char *label, int order)
{
    provisioning::ProductType t;
    t.id = QLatin1String(id);
    t.label = QString::fromUtf8(label);
    t.order = order;
    return t;
}

QList<provisioning::ProductType> typesWithoutModule()
{
    // Labels are translated by the console in the "mp::ProductTypes" context. Domains are the
    // domains module's, e-mail the mail module's.
    return {typeWithoutModule("backup", QT_TRANSLATE_NOOP("mp::ProductTypes", "Backup"), 40),
            typeWithoutModule("ssl", QT_TRANSLATE_NOOP("mp::ProductTypes", "SSL"), 50),
            // Last in every list.
            typeWithoutModule("other", QT_TRANSLATE_NOOP("mp::ProductTypes", "Other"), 1000)};
}

// The ProductType schema lists every type the modules declared when the document is served.
QJsonObject productTypeSchema()
{
    QJsonArray ids;
    for (const QString &id : provisioning::ProductTypes::global().ids())
        ids.append(id);
    const QJsonObject schema{{QStringLiteral("type"), QStringLiteral("string")},
                             {QStringLiteral("enum"), ids}};
    return {{QStringLiteral("components"),
             QJsonObject{{QStringLiteral("schemas"), QJsonObject{{QStringLiteral("ProductType"), schema}}}}}};
}

} // namespace

Module catalogModule()
{
    return Module(QStringLiteral("catalog"), QStringList{}, [](ModuleContext &module) {
        module.routes(&registerCatalogRoutes);
        module.openApi(openApiFragment());
        module.openApi(&productTypeSchema);
        for (const provisioning::ProductType &type : typesWithoutModule())
            module.productType(type);
    });
}

} // namespace mp::catalog
