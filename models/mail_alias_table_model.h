#pragma once

#include "lazy_table_model.h"
#include "mail/mail_rows.h"

namespace mp {

// One mail domain's aliases and forwards by address, live through the mail change channel. No
// domain: no rows.
class MailAliasTableModel : public LazyTableModel<mail::MailAlias> {
    Q_OBJECT
public:
    enum Column { Address, Destinations, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    void setDomain(const QString &domainId);
    const QString &domainId() const { return m_domainId; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Fetch fetcher() const override;

private:
    QString m_domainId;
};

} // namespace mp
