#include "invoice_table_model.h"

#include "console_session/staff_transaction.h"
#include "keyset_request.h"
#include "model_roles.h"
#include "money_text.h"
#include "status_tone.h"

#include <QColor>
#include <QLocale>

namespace mp {

using billing::Invoice;
using billing::Invoices;
using billing::InvoiceStatus;
using billing::InvoiceStatuses;

InvoiceTableModel::InvoiceTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<InvoiceRow>(session, parent)
{
    setSortParameter(QStringLiteral("-created_at"));
}

void InvoiceTableModel::setFilter(const billing::InvoiceFilter &filter)
{
    m_filter = filter;
    refresh();
}

int InvoiceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InvoiceTableModel::stateTitle(const QString &state)
{
    if (state == QLatin1String("overdue"))
        return tr("Overdue");
    const auto status = InvoiceStatuses::fromString(state);
    return status ? statusTitle(*status) : state;
}

QString InvoiceTableModel::statusTitle(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Draft:
        return tr("Draft");
    case InvoiceStatus::Unpaid:
        return tr("Unpaid");
    case InvoiceStatus::Paid:
        return tr("Paid");
    case InvoiceStatus::Cancelled:
        return tr("Cancelled");
    case InvoiceStatus::Refunded:
        return tr("Refunded");
    case InvoiceStatus::PartiallyRefunded:
        return tr("Partially refunded");
    }
    return {};
}

QVariant InvoiceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InvoiceRow &row = rowAt(index.row());
    const Invoice &inv = row.invoice;
    if (role == IdRole)
        return inv.id;
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusForeground(row.overdue ? QStringLiteral("overdue")
                                            : InvoiceStatuses::toString(inv.status));
    if (role == Qt::TextAlignmentRole && index.column() >= Net)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const auto date = [](QDate d) {
        return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
    };
    switch (Column(index.column())) {
    case Number:
        return inv.number.isEmpty() ? tr("(draft)") : inv.number;
    case Customer:
        return inv.buyer.value(QStringLiteral("name")).toString();
    case Status:
        return row.overdue ? tr("%1, overdue").arg(statusTitle(inv.status)) : statusTitle(inv.status);
    case IssueDate:
        return date(inv.issueDate);
    case DueDate:
        return date(inv.dueDate);
    case Net:
        return moneyText(inv.net);
    case Tax:
        return moneyText(inv.tax);
    case Total:
        return moneyText(inv.total);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant InvoiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Number:
        return tr("Number");
    case Customer:
        return tr("Customer");
    case Status:
        return tr("Status");
    case IssueDate:
        return tr("Issued");
    case DueDate:
        return tr("Due");
    case Net:
        return tr("Net");
    case Tax:
        return tr("Tax");
    case Total:
        return tr("Total");
    case ColumnCount:
        break;
    }
    return {};
}

QString InvoiceTableModel::sortName(int column) const
{
    switch (column) {
    case Number:
    case IssueDate:
        return QStringLiteral("created_at");
    case DueDate:
        return QStringLiteral("due_date");
    case Total:
        return QStringLiteral("total");
    default:
        return {};
    }
}

InvoiceTableModel::Fetch InvoiceTableModel::fetcher() const
{
    return [filter = m_filter, sort = sortParameter()](StaffSession &session, const QString &cursor,
                                                       int limit) -> Result<Page> {
        auto page = keysetRequest(Invoices::sortOrders(), sort, QStringLiteral("-created_at"), cursor, limit);
        if (!page)
            return page.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto today = Invoices::today(tx);
            if (!today)
                return today.error();
            auto list = Invoices::list(tx, filter, *page, *today);
            if (!list)
                return list.error();
            Page result;
            result.nextCursor = list->nextCursor;
            for (const Invoice &inv : std::as_const(list->items))
                result.rows.append(InvoiceRow{inv, inv.overdueOn(*today)});
            return result;
        });
    };
}

} // namespace mp
