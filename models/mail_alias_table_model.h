#pragma once

#include "mail/mail_rows.h"
#include "mail_domain_rows_model.h"

namespace mp {

// One mail domain's aliases and forwards by address, live through the mail change channel. No
// domain: no rows.
class MailAliasTableModel : public MailDomainRowsModel<mail::MailAlias> {
    Q_OBJECT
public:
    enum Column { Address, Destinations, ColumnCount };
    Q_ENUM(Column)

    explicit MailAliasTableModel(ConsoleSession *session, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace mp
