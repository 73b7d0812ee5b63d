#pragma once

#include "domains/domain.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's domains by name, live: a registration, renewal or name server change recorded by
// its job reloads the table through the domains' change channel. "Expiring within 30 days" is a
// filter in SQL, not over the loaded rows.
class DomainTableModel : public LazyTableModel<domains::Domain> {
    Q_OBJECT
public:
    enum Column { Name, Customer, Status, Expires, Registrar, Nameservers, Zone, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    void setExpiringWithinDays(int days); // -1: every domain
    int expiringWithinDays() const { return m_expiringWithinDays; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);

protected:
    Fetch fetcher() const override;

private:
    int m_expiringWithinDays = -1;
};

} // namespace mp
