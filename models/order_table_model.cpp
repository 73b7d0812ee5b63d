#include "order_table_model.h"

#include "console_session/staff_transaction.h"
#include "keyset_request.h"
#include "model_roles.h"
#include "money_text.h"

#include <QLocale>

namespace mp {

using billing::Orders;
using billing::OrderSummary;

OrderTableModel::OrderTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<OrderSummary>(session, parent)
{
    setSortParameter(QStringLiteral("-created_at"));
}

void OrderTableModel::setFilter(const billing::OrderFilter &filter)
{
    m_filter = filter;
    refresh();
}

int OrderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderSummary &o = rowAt(index.row());
    if (role == IdRole)
        return o.id;
    if (role == Qt::TextAlignmentRole && index.column() == Amount)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Placed:
        return QLocale().toString(o.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Customer:
        return o.customerName;
    case Items:
        return o.itemCount > 1 ? tr("%1 (+%n more)", nullptr, o.itemCount - 1).arg(o.description)
                               : o.description;
    case Status:
        return o.status == QLatin1String("pending")  ? tr("Pending")
               : o.status == QLatin1String("active") ? tr("Active")
                                                     : tr("Cancelled");
    case Amount:
        return moneyText(o.amount);
    case PlacedBy:
        return o.placedBy;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Placed:
        return tr("Placed");
    case Customer:
        return tr("Customer");
    case Items:
        return tr("Items");
    case Status:
        return tr("Status");
    case Amount:
        return tr("Amount");
    case PlacedBy:
        return tr("Placed by");
    case ColumnCount:
        break;
    }
    return {};
}

QString OrderTableModel::sortName(int column) const
{
    return column == Placed ? QStringLiteral("created_at") : QString();
}

OrderTableModel::Fetch OrderTableModel::fetcher() const
{
    return [filter = m_filter, sort = sortParameter()](StaffSession &session, const QString &cursor,
                                                       int limit) -> Result<Page> {
        auto page = keysetRequest(Orders::sortOrders(), sort, QStringLiteral("-created_at"), cursor, limit);
        if (!page)
            return page.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = Orders::list(tx, filter, *page);
            if (!list)
                return list.error();
            return Page{list->items, list->nextCursor};
        });
    };
}

} // namespace mp
