#include "module/product_types.h"

#include <algorithm>

namespace mp::provisioning {

ProductTypes &ProductTypes::global()
{
    static auto *types = new ProductTypes; // never destroyed: worker threads may outlive statics
    return *types;
}

bool ProductTypes::add(ProductType type)
{
    QWriteLocker lock(&m_lock);
    for (const ProductType &t : std::as_const(m_types)) {
        if (t.id == type.id)
            return false;
    }
    // Stable: types of equal order keep their declaration order.
    const auto at = std::upper_bound(m_types.begin(), m_types.end(), type.order,
                                     [](int order, const ProductType &t) { return order < t.order; });
    m_types.insert(at, std::move(type));
    return true;
}

std::optional<ProductType> ProductTypes::find(const QString &id) const
{
    QReadLocker lock(&m_lock);
    for (const ProductType &t : m_types) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QList<ProductType> ProductTypes::all() const
{
    QReadLocker lock(&m_lock);
    return m_types;
}

QStringList ProductTypes::ids() const
{
    QReadLocker lock(&m_lock);
    QStringList ids;
    for (const ProductType &t : m_types)
        ids.append(t.id);
    return ids;
}

bool ProductTypes::pricedByYears(const QString &id) const
{
    const auto type = find(id);
    return type && type->pricing == Pricing::RegistrarYears;
}

bool ProductTypes::takesTemplate(const QString &id) const
{
    const auto type = find(id);
    return type && type->takesTemplate();
}

QString ProductTypes::labelsWhere(const std::function<bool(const ProductType &)> &has) const
{
    QReadLocker lock(&m_lock);
    QStringList labels;
    for (const ProductType &t : m_types) {
        if (has(t))
            labels.append(t.label);
    }
    return labels.join(QStringLiteral(" or "));
}

} // namespace mp::provisioning
