#include "mailbox_table_model.h"

#include "mail/mail_mailboxes.h"
#include "model_roles.h"

namespace mp {

using mail::Mailbox;

MailboxTableModel::MailboxTableModel(ConsoleSession *session, QObject *parent)
    : MailDomainRowsModel(session, &mail::Mailboxes::list, parent)
{
}

int MailboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MailboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Mailbox &m = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return m.id;
    if (role == Qt::TextAlignmentRole && column == Quota)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Address:
        return m.address();
    case Quota:
        if (m.usedBytes)
            return tr("%1 of %2 MB")
                .arg(QString::number(double(*m.usedBytes) / 1048576.0, 'f', 1))
                .arg(m.quotaMb);
        return tr("%1 MB").arg(m.quotaMb);
    case State:
        if (m.status == QLatin1String("deleting"))
            return tr("Being deleted");
        return m.enabled ? tr("Enabled") : tr("Disabled");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MailboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Address:
        return tr("Address");
    case Quota:
        return tr("Quota");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
