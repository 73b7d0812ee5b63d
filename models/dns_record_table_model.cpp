#include "dns_record_table_model.h"

#include "console_session/staff_transaction.h"
#include "dns/dns_names.h"
#include "dns/dns_zones.h"

#include <QColor>

namespace mp {

using dns::DnsRecordRow;

void DnsRecordTableModel::setZone(const QString &zoneId, const QString &zoneName)
{
    m_zoneId = zoneId;
    m_zoneName = zoneName;
    refresh();
}

int DnsRecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsRecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DnsRecordRow &r = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == Qt::ToolTipRole) {
        if (column == Name)
            return r.name;
        if (column == State && !r.sourceType.isEmpty())
            return tr("Made for %1 %2; removed with it").arg(r.sourceType, r.sourceId);
        if (column == Records)
            return r.records.join(u'\n');
        return {};
    }
    if (role == Qt::ForegroundRole && column == State && r.pending)
        return QVariant::fromValue(QColor(0xa0, 0x60, 0x00));
    if (role == Qt::TextAlignmentRole && column == Ttl)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return dns::relativeName(r.name, m_zoneName);
    case Type:
        return r.type;
    case Ttl:
        return r.ttl;
    case Records:
        return r.records.join(QStringLiteral("  ·  "));
    case State:
        if (r.pending)
            return tr("Pending");
        return r.sourceType.isEmpty() ? tr("Served") : tr("Served (automatic)");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DnsRecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Ttl:
        return tr("TTL");
    case Records:
        return tr("Records");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

DnsRecordTableModel::Fetch DnsRecordTableModel::fetcher() const
{
    return [zoneId = m_zoneId](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
        if (zoneId.isEmpty())
            return Page{};
        // The cursor is "name type" of the last set handed out (names hold no spaces).
        const QString afterName = cursor.section(u' ', 0, 0);
        const QString afterType = cursor.section(u' ', 1, 1);
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto rows = dns::DnsZones::records(tx.db(), zoneId, afterName, afterType, limit);
            if (!rows)
                return rows.error();
            const QString next =
                rows->size() == limit ? rows->last().name + u' ' + rows->last().type : QString();
            return Page{*rows, next};
        });
    };
}

} // namespace mp
