#include "tld_price_model.h"

#include "catalog/products.h"
#include "console_session/staff_transaction.h"
#include "keyset_request.h"
#include "model_roles.h"
#include "money_text.h"

namespace mp {

using catalog::Products;

int TldPriceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TldPriceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TldPriceRow &r = rowAt(index.row());
    if (role == IdRole)
        return r.productId;
    if (role == Qt::TextAlignmentRole && (index.column() == Price || index.column() == Years))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Tld:
        return u'.' + r.tld;
    case Action:
        return r.action == QLatin1String("register") ? tr("Register")
               : r.action == QLatin1String("renew")  ? tr("Renew")
                                                     : tr("Transfer");
    case Years:
        return r.years;
    case Price:
        return moneyText(r.amount);
    case Product:
        return r.productName;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TldPriceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Tld:
        return tr("TLD");
    case Action:
        return tr("Action");
    case Years:
        return tr("Years");
    case Price:
        return tr("Price");
    case Product:
        return tr("Product");
    case ColumnCount:
        break;
    }
    return {};
}

TldPriceModel::Fetch TldPriceModel::fetcher() const
{
    return [](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
        // Paged by product (a TLD has up to 30 prices), so a page holds whole TLDs.
        auto page = keysetRequest(Products::sortOrders(), QStringLiteral("name"), QStringLiteral("name"),
                                  cursor, std::max(1, limit / 10));
        if (!page)
            return page.error();
        catalog::ProductFilter filter;
        filter.type = QStringLiteral("domain");
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = Products::list(tx, filter, *page);
            if (!list)
                return list.error();
            Page result;
            result.nextCursor = list->nextCursor;
            for (const catalog::Product &p : std::as_const(list->items)) {
                for (const catalog::DomainPrice &d : p.domainPrices)
                    result.rows.append(
                        TldPriceRow{p.id, p.name, p.tld, p.visibility, d.action, d.years, d.amount});
            }
            return result;
        });
    };
}

} // namespace mp
