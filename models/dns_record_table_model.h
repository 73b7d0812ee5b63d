#pragma once

#include "dns/dns_zone.h"
#include "lazy_table_model.h"

#include <QHash>

namespace mp {

// One zone's record sets by name and type, live: a change queued (pending) and its sync
// (applied) reload the table through the record sets' change channel. No zone: no rows.
// TTL and records edit inline (records separated by " · "; none: the set goes): the edit goes
// through commands::changeDnsRecords, and a refusal stays on the cell it is about (tooltip,
// colour) until that set is edited again.
class DnsRecordTableModel : public LazyTableModel<dns::DnsRecordRow> {
    Q_OBJECT
public:
    enum Column { Name, Type, Ttl, Records, State, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    void setZone(const QString &zoneId, const QString &zoneName);
    const QString &zoneId() const { return m_zoneId; }

    // The refusal shown on a cell, if any.
    QString fieldError(const QModelIndex &index) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // An inline edit was queued as job `jobId`, or refused with `message`.
    void changeQueued(qint64 jobId);
    void changeRefused(const QString &message);

protected:
    Fetch fetcher() const override;

private:
    QString m_zoneId;
    QString m_zoneName;
    QHash<QString, QPair<int, QString>> m_errors; // "name type" -> column, message
};

} // namespace mp
