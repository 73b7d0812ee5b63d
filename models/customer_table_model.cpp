#include "customer_table_model.h"

#include "console_session/staff_transaction.h"
#include "customers/customers.h"
#include "keyset_request.h"
#include "model_roles.h"

#include <QColor>
#include <QLocale>

namespace mp {

using customers::Customer;
using customers::Customers;

CustomerTableModel::CustomerTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<Customer>(session, parent)
{
    setSortParameter(QStringLiteral("name"));
}

void CustomerTableModel::setFilter(const customers::CustomerFilter &filter)
{
    m_filter = filter;
    refresh();
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CustomerTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("suspended"))
        return tr("Suspended");
    if (status == QLatin1String("closed"))
        return tr("Closed");
    return status;
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer &c = rowAt(index.row());
    if (role == IdRole)
        return c.id;
    if (role == Qt::ForegroundRole && c.status != QLatin1String("active"))
        return QVariant::fromValue(QColor(Qt::gray));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return c.name;
    case Email:
        return c.email;
    case Company:
        return c.company;
    case Country:
        return c.country;
    case Status:
        return statusTitle(c.status);
    case Created:
        return QLocale().toString(c.createdAt.toLocalTime().date(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Email:
        return tr("E-mail");
    case Company:
        return tr("Company");
    case Country:
        return tr("Country");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString CustomerTableModel::sortName(int column) const
{
    switch (column) {
    case Name:
        return QStringLiteral("name");
    case Email:
        return QStringLiteral("email");
    case Created:
        return QStringLiteral("created_at");
    default:
        return {};
    }
}

CustomerTableModel::Fetch CustomerTableModel::fetcher() const
{
    return [filter = m_filter, sort = sortParameter()](StaffSession &session, const QString &cursor,
                                                       int limit) -> Result<Page> {
        auto page = keysetRequest(Customers::sortOrders(), sort, QStringLiteral("name"), cursor, limit);
        if (!page)
            return page.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = Customers::list(tx, filter, *page);
            if (!list)
                return list.error();
            return Page{list->items, list->nextCursor};
        });
    };
}

} // namespace mp
