#pragma once

#include "module/product_type.h"

#include <QList>
#include <QReadWriteLock>
#include <QStringList>

#include <optional>

namespace mp::provisioning {

// The product types modules declared (ModuleContext::productType), by their `order`. Read
// by the catalog (which types exist, which take a template), checkout (host names, pricing),
// subscriptions (whom to tell) and the console.
class ProductTypes {
public:
    static ProductTypes &global();

    // A type declared twice keeps its first declaration and the second is refused (false).
    bool add(ProductType type);
    std::optional<ProductType> find(const QString &id) const;
    QList<ProductType> all() const;
    QStringList ids() const;
    // Shortcuts for lists and forms; an undeclared type is priced per cycle and takes nothing.
    bool pricedByYears(const QString &id) const;
    bool takesTemplate(const QString &id) const;
    // "CloudPod" for types whose declaration has `has`, joined for a message: "CloudPod or VPS".
    QString labelsWhere(const std::function<bool(const ProductType &)> &has) const;

private:
    mutable QReadWriteLock m_lock;
    QList<ProductType> m_types;
};

} // namespace mp::provisioning
