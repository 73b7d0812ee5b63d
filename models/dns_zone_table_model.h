#pragma once

#include "dns/dns_zone.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's DNS zones by name, live: a zone made, synced (status, serial) or given a pending
// change reloads the table through the zones' change channel.
class DnsZoneTableModel : public LazyTableModel<dns::DnsZone> {
    Q_OBJECT
public:
    enum Column { Name, Customer, Server, Status, Dnssec, Serial, Pending, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    // Only `customerId`'s zones (a customer's detail); empty: all of the tenant's.
    void setCustomer(const QString &customerId);
    const QString &customerId() const { return m_customerId; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);

protected:
    Fetch fetcher() const override;

private:
    QString m_customerId;
};

} // namespace mp
