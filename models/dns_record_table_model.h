#pragma once

#include "dns/dns_zone.h"
#include "lazy_table_model.h"

namespace mp {

// One zone's record sets by name and type, live: a change queued (pending) and its sync
// (applied) reload the table through the record sets' change channel. No zone: no rows.
class DnsRecordTableModel : public LazyTableModel<dns::DnsRecordRow> {
    Q_OBJECT
public:
    enum Column { Name, Type, Ttl, Records, State, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    void setZone(const QString &zoneId, const QString &zoneName);
    const QString &zoneId() const { return m_zoneId; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Fetch fetcher() const override;

private:
    QString m_zoneId;
    QString m_zoneName;
};

} // namespace mp
