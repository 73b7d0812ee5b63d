#pragma once

#include "lazy_table_model.h"
#include "mail/mail_rows.h"

namespace mp {

// The tenant's mail domains by name, live through the mail change channel: a domain put on a
// host, suspended, or given a mailbox reloads the table.
class MailDomainTableModel : public LazyTableModel<mail::MailDomain> {
    Q_OBJECT
public:
    enum Column { Name, Customer, Host, Status, Mailboxes, Dkim, Dns, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);
    // Only this customer's domains (empty: the tenant's).
    void setCustomer(const QString &customerId);
    // The last DNS check in a word or two: healthy, the records with problems, or not checked.
    static QString healthTitle(const mail::MailDomain &domain);

protected:
    Fetch fetcher() const override;

private:
    QString m_customerId;
};

} // namespace mp
