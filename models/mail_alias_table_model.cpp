#include "mail_alias_table_model.h"

#include "mail/mail_aliases.h"
#include "model_roles.h"

namespace mp {

using mail::MailAlias;

MailAliasTableModel::MailAliasTableModel(ConsoleSession *session, QObject *parent)
    : MailDomainRowsModel(session, &mail::MailAliases::list, parent)
{
}

int MailAliasTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MailAliasTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MailAlias &a = rowAt(index.row());
    if (role == IdRole)
        return a.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Address:
        return a.address();
    case Destinations:
        return a.destinations.join(QStringLiteral(", "));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MailAliasTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Address:
        return tr("Alias");
    case Destinations:
        return tr("Delivers to");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
