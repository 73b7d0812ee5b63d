#include "dns_zone_table_model.h"

#include "console_session/staff_transaction.h"
#include "dns/dns_zones.h"
#include "model_roles.h"

#include <QColor>

namespace mp {

using dns::DnsZone;

int DnsZoneTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DnsZoneTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Being created");
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("deleting"))
        return tr("Being deleted");
    if (status == QLatin1String("error"))
        return tr("Error");
    return status;
}

QVariant DnsZoneTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DnsZone &z = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return z.id;
    if (role == Qt::ToolTipRole && column == Status && !z.lastError.isEmpty())
        return z.lastError;
    if (role == Qt::ForegroundRole && column == Pending && z.pendingChanges > 0)
        return QVariant::fromValue(QColor(0xa0, 0x60, 0x00));
    if (role == Qt::TextAlignmentRole && (column == Serial || column == Pending))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return z.name.chopped(1);
    case Customer:
        return z.customerName.isEmpty() ? tr("(tenant)") : z.customerName;
    case Server:
        return z.serverName;
    case Status:
        return statusTitle(z.status);
    case Dnssec:
        return z.dnssec ? tr("Signed") : tr("Off");
    case Serial:
        return z.serial > 0 ? QVariant(z.serial) : QVariant();
    case Pending:
        return z.pendingChanges > 0 ? tr("%n change(s) pending", nullptr, z.pendingChanges)
                                    : tr("Up to date");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DnsZoneTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Zone");
    case Customer:
        return tr("Customer");
    case Server:
        return tr("Server");
    case Status:
        return tr("Status");
    case Dnssec:
        return tr("DNSSEC");
    case Serial:
        return tr("Serial");
    case Pending:
        return tr("Changes");
    case ColumnCount:
        break;
    }
    return {};
}

void DnsZoneTableModel::setCustomer(const QString &customerId)
{
    m_customerId = customerId;
    refresh();
}

DnsZoneTableModel::Fetch DnsZoneTableModel::fetcher() const
{
    return
        [customerId = m_customerId](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
            dns::ZoneFilter filter;
            filter.customerId = customerId;
            filter.after = cursor; // the last zone name handed out
            filter.limit = limit;
            return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
                auto zones = dns::DnsZones::list(tx.db(), filter);
                if (!zones)
                    return zones.error();
                const QString next = zones->size() == limit ? zones->last().name : QString();
                return Page{*zones, next};
            });
        };
}

} // namespace mp
