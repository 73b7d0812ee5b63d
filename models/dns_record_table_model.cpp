#include "dns_record_table_model.h"

#include "console_session/staff_transaction.h"
#include "dns/dns_names.h"
#include "dns/dns_zones.h"
#include "dns_commands.h"

#include <QColor>

namespace mp {

using dns::DnsRecordRow;

namespace {

const QString kSeparator = QStringLiteral("  ·  ");

QString keyOf(const DnsRecordRow &r)
{
    return r.name + u' ' + r.type;
}

} // namespace

void DnsRecordTableModel::setZone(const QString &zoneId, const QString &zoneName)
{
    m_zoneId = zoneId;
    m_zoneName = zoneName;
    m_errors.clear();
    refresh();
}

QString DnsRecordTableModel::fieldError(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto found = m_errors.constFind(keyOf(rowAt(index.row())));
    return found != m_errors.cend() && found->first == index.column() ? found->second : QString();
}

Qt::ItemFlags DnsRecordTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = LazyTableModel::flags(index);
    if (index.isValid() && (index.column() == Ttl || index.column() == Records))
        f |= Qt::ItemIsEditable;
    return f;
}

bool DnsRecordTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || m_zoneId.isEmpty() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !(flags(index) & Qt::ItemIsEditable))
        return false;
    const DnsRecordRow &row = rowAt(index.row());
    dns::RecordChange change;
    change.name = row.name;
    change.type = row.type;
    change.ttl = row.ttl;
    change.records = row.records;
    change.path = QStringLiteral("changes[0]");
    if (index.column() == Ttl) {
        bool ok = false;
        const int ttl = value.toString().trimmed().toInt(&ok);
        change.ttl = ok ? ttl : -1; // refused by the rules, with their message
    } else {
        change.records.clear();
        for (const QString &part : value.toString().split(u'·'))
            if (!part.trimmed().isEmpty())
                change.records << part.trimmed();
        change.remove = change.records.isEmpty();
    }
    const QString key = keyOf(row);
    const int column = index.column();
    m_errors.remove(key);
    Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    commands::changeDnsRecords(
        m_session, this, m_zoneId, {change}, [this, key, column](const Result<dns::Queued> &r) {
            if (r) {
                Q_EMIT changeQueued(r->jobId);
                return;
            }
            // The rules name the field: put the message on its cell.
            const QString field = r.error().field;
            const int at = field.endsWith(QLatin1String(".ttl"))       ? int(Ttl)
                           : field.contains(QLatin1String(".records")) ? int(Records)
                                                                       : column;
            m_errors.insert(key, {at, r.error().message});
            for (int i = 0; i < rowCount(); ++i) {
                if (keyOf(rowAt(i)) == key)
                    Q_EMIT dataChanged(this->index(i, 0), this->index(i, ColumnCount - 1));
            }
            Q_EMIT changeRefused(r.error().message);
        });
    return true;
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
    const QString refusal = fieldError(index);
    if (!refusal.isEmpty() && role == Qt::ToolTipRole)
        return refusal;
    if (!refusal.isEmpty() && role == Qt::BackgroundRole)
        return QVariant::fromValue(QColor(0xff, 0xe0, 0xe0));
    if (role == Qt::EditRole && column == Records)
        return r.records.join(kSeparator);
    if (role == Qt::EditRole && column == Ttl)
        return QString::number(r.ttl);
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
        return r.records.join(kSeparator);
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
