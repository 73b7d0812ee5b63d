#include "product_table_model.h"

#include "catalog/products.h"
#include "console_session/staff_transaction.h"
#include "keyset_request.h"
#include "model_roles.h"
#include "module/product_types.h"
#include "money_text.h"

#include <QColor>
#include <QCoreApplication>

namespace mp {

using catalog::Product;
using catalog::Products;

ProductTableModel::ProductTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<Product>(session, parent)
{
    setSortParameter(QStringLiteral("type"));
}

void ProductTableModel::setFilter(const catalog::ProductFilter &filter)
{
    m_filter = filter;
    refresh();
}

int ProductTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProductTableModel::typeTitle(const QString &type)
{
    // The module that sells the type declared its label; the catalogue translates it.
    const auto declared = provisioning::ProductTypes::global().find(type);
    if (!declared)
        return type;
    return QCoreApplication::translate("mp::ProductTypes", declared->label.toUtf8().constData());
}

QString ProductTableModel::visibilityTitle(const QString &visibility)
{
    if (visibility == QLatin1String("active"))
        return tr("Active");
    if (visibility == QLatin1String("hidden"))
        return tr("Hidden");
    if (visibility == QLatin1String("retired"))
        return tr("Retired");
    return visibility;
}

QString ProductTableModel::priceSummary(const Product &p)
{
    if (provisioning::ProductTypes::global().pricedByYears(p.type)) {
        for (const catalog::DomainPrice &d : p.domainPrices) {
            if (d.action == QLatin1String("register"))
                return d.years == 1 ? tr("%1 / year").arg(moneyText(d.amount))
                                    : tr("%1 / %2 years").arg(moneyText(d.amount)).arg(d.years);
        }
        return {};
    }
    if (p.prices.isEmpty())
        return tr("no price");
    const catalog::CyclePrice &first = p.prices.first();
    QString text = tr("%1 / %2").arg(moneyText(first.amount), first.cycle);
    if (p.prices.size() > 1)
        text += u' ' + tr("(+%n more)", nullptr, int(p.prices.size() - 1));
    return text;
}

QVariant ProductTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Product &p = rowAt(index.row());
    if (role == IdRole)
        return p.id;
    if (role == Qt::ForegroundRole && p.visibility != QLatin1String("active"))
        return QVariant::fromValue(QColor(Qt::gray));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Type:
        return typeTitle(p.type);
    case Name:
        return p.name;
    case Visibility:
        return visibilityTitle(p.visibility);
    case Price:
        return priceSummary(p);
    case SetupFee:
        return p.prices.isEmpty() || p.prices.first().setupFee.minorAmount() == 0
                   ? QString()
                   : moneyText(p.prices.first().setupFee);
    case Template:
        return p.tld.isEmpty() ? QString() : u'.' + p.tld;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Type:
        return tr("Type");
    case Name:
        return tr("Name");
    case Visibility:
        return tr("Visibility");
    case Price:
        return tr("Price");
    case SetupFee:
        return tr("Setup fee");
    case Template:
        return tr("TLD");
    case ColumnCount:
        break;
    }
    return {};
}

QString ProductTableModel::sortName(int column) const
{
    switch (column) {
    case Type:
        return QStringLiteral("type");
    case Name:
        return QStringLiteral("name");
    default:
        return {};
    }
}

ProductTableModel::Fetch ProductTableModel::fetcher() const
{
    return [filter = m_filter, sort = sortParameter()](StaffSession &session, const QString &cursor,
                                                       int limit) -> Result<Page> {
        auto page = keysetRequest(Products::sortOrders(), sort, QStringLiteral("type"), cursor, limit);
        if (!page)
            return page.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = Products::list(tx, filter, *page);
            if (!list)
                return list.error();
            return Page{list->items, list->nextCursor};
        });
    };
}

} // namespace mp
