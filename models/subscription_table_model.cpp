#include "subscription_table_model.h"

#include "console_session/staff_transaction.h"
#include "core/clock.h"
#include "keyset_request.h"
#include "model_roles.h"
#include "money_text.h"
#include "status_tone.h"
#include "subscriptions/subscription_settings.h"

#include <QColor>
#include <QLocale>

namespace mp {

using subscriptions::Subscription;
using subscriptions::Subscriptions;

SubscriptionTableModel::SubscriptionTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<Subscription>(session, parent)
{
    setSortParameter(QStringLiteral("-created_at"));
}

void SubscriptionTableModel::setFilter(const subscriptions::SubscriptionFilter &filter)
{
    m_filter = filter;
    refresh();
}

int SubscriptionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SubscriptionTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("past_due"))
        return tr("Past due");
    if (status == QLatin1String("suspended"))
        return tr("Suspended");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (status == QLatin1String("expired"))
        return tr("Expired");
    return status;
}

QString SubscriptionTableModel::cycleTitle(subscriptions::Cycle cycle)
{
    switch (cycle) {
    case subscriptions::Cycle::Monthly:
        return tr("Monthly");
    case subscriptions::Cycle::Quarterly:
        return tr("Quarterly");
    case subscriptions::Cycle::Semiannual:
        return tr("Semi-annually");
    case subscriptions::Cycle::Annual:
        return tr("Annually");
    case subscriptions::Cycle::Biennial:
        return tr("Biennially");
    case subscriptions::Cycle::Triennial:
        return tr("Triennially");
    }
    return {};
}

QVariant SubscriptionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Subscription &s = rowAt(index.row());
    if (role == IdRole)
        return s.id;
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusForeground(s.status);
    if (role == Qt::TextAlignmentRole && index.column() == Price)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const auto date = [](QDate d) {
        return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
    };
    switch (Column(index.column())) {
    case Description:
        return s.quantity > 1 ? QStringLiteral("%1 × %2").arg(s.quantity).arg(s.description) : s.description;
    case Status:
        return s.cancelAtPeriodEnd && s.live() ? tr("%1, ends at period end").arg(statusTitle(s.status))
                                               : statusTitle(s.status);
    case Cycle:
        return cycleTitle(s.cycle);
    case Price:
        return moneyText(s.unitPriceMinor * s.quantity, s.currency);
    case PeriodEnd:
        return date(s.currentPeriodEnd.toLocalTime().date());
    case NextDue:
        return date(s.nextDueDate);
    case Started:
        return date(s.startedAt.toLocalTime().date());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SubscriptionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Description:
        return tr("Subscription");
    case Status:
        return tr("Status");
    case Cycle:
        return tr("Cycle");
    case Price:
        return tr("Price");
    case PeriodEnd:
        return tr("Period ends");
    case NextDue:
        return tr("Next due");
    case Started:
        return tr("Started");
    case ColumnCount:
        break;
    }
    return {};
}

QString SubscriptionTableModel::sortName(int column) const
{
    switch (column) {
    case Started:
    case Description:
        return QStringLiteral("created_at");
    case NextDue:
        return QStringLiteral("next_due_date");
    default:
        return {};
    }
}

SubscriptionTableModel::Fetch SubscriptionTableModel::fetcher() const
{
    return [filter = m_filter, sort = sortParameter()](StaffSession &session, const QString &cursor,
                                                       int limit) -> Result<Page> {
        auto page =
            keysetRequest(Subscriptions::sortOrders(), sort, QStringLiteral("-created_at"), cursor, limit);
        if (!page)
            return page.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            // "Due within N days" counts from the tenant's today, as the REST API does.
            auto settings = subscriptions::SubscriptionSettingsStore::load(tx);
            if (!settings)
                return settings.error();
            const QDate today = Clock::current().now().toTimeZone(settings->timeZone).date();
            auto list = Subscriptions::list(tx, filter, *page, today);
            if (!list)
                return list.error();
            return Page{list->items, list->nextCursor};
        });
    };
}

} // namespace mp
