#include "domain_table_model.h"

#include "console_session/staff_transaction.h"
#include "core/clock.h"
#include "domains/domain_store.h"
#include "model_roles.h"

#include <QColor>

namespace mp {

using domains::Domain;

int DomainTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void DomainTableModel::setExpiringWithinDays(int days)
{
    if (days == m_expiringWithinDays)
        return;
    m_expiringWithinDays = days;
    refresh();
}

QString DomainTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Being registered");
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("registration_failed"))
        return tr("Registration failed");
    if (status == QLatin1String("transfer_pending"))
        return tr("Transfer pending");
    if (status == QLatin1String("transfer_failed"))
        return tr("Transfer failed");
    if (status == QLatin1String("grace"))
        return tr("Expired (grace period)");
    if (status == QLatin1String("redemption"))
        return tr("Redemption period");
    if (status == QLatin1String("expired"))
        return tr("Expired");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    return status;
}

QVariant DomainTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Domain &d = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return d.id;
    if (role == Qt::ToolTipRole && column == Status && !d.lastError.isEmpty())
        return d.lastError;
    if (role == Qt::ForegroundRole && column == Status &&
        (d.status.endsWith(QLatin1String("failed")) || d.status == QLatin1String("grace") ||
         d.status == QLatin1String("redemption")))
        return QVariant::fromValue(QColor(0xb0, 0x30, 0x20));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return d.name;
    case Customer:
        return d.customerName;
    case Status:
        return statusTitle(d.status);
    case Expires:
        return d.expiresOn.isValid() ? QLocale().toString(d.expiresOn, QLocale::ShortFormat) : QString();
    case Registrar:
        return d.registrar;
    case Nameservers:
        return d.nameservers.join(QStringLiteral(", "));
    case Zone:
        return d.zoneName.isEmpty() ? tr("(none)") : d.zoneName.chopped(1);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DomainTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Domain");
    case Customer:
        return tr("Customer");
    case Status:
        return tr("Status");
    case Expires:
        return tr("Expires");
    case Registrar:
        return tr("Registrar");
    case Nameservers:
        return tr("Name servers");
    case Zone:
        return tr("Zone");
    case ColumnCount:
        break;
    }
    return {};
}

DomainTableModel::Fetch DomainTableModel::fetcher() const
{
    const int within = m_expiringWithinDays;
    return [within](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
        domains::DomainFilter filter;
        filter.after = cursor; // the last domain name handed out
        filter.limit = limit;
        filter.expiringWithinDays = within;
        filter.today = Clock::current().now().toUTC().date();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = domains::DomainStore::list(tx.db(), filter);
            if (!list)
                return list.error();
            const QString next = list->size() == limit ? list->last().name : QString();
            return Page{*list, next};
        });
    };
}

} // namespace mp
