#include "mail_domain_table_model.h"

#include "console_session/staff_transaction.h"
#include "mail/mail_domains.h"
#include "model_roles.h"

#include <QJsonArray>

namespace mp {

using mail::MailDomain;

int MailDomainTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MailDomainTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("suspended"))
        return tr("Suspended");
    if (status == QLatin1String("deleting"))
        return tr("Being deleted");
    return status;
}

void MailDomainTableModel::setCustomer(const QString &customerId)
{
    m_customerId = customerId;
    refresh();
}

QString MailDomainTableModel::healthTitle(const MailDomain &d)
{
    if (d.dnsHealth.isEmpty())
        return tr("Not checked");
    if (d.dnsHealth.value(QStringLiteral("ok")).toBool())
        return tr("Healthy");
    QStringList failing;
    for (const QJsonValue &v : d.dnsHealth.value(QStringLiteral("records")).toArray()) {
        if (!v.toObject().value(QStringLiteral("ok")).toBool())
            failing << v.toObject().value(QStringLiteral("record")).toString();
    }
    return failing.isEmpty() ? tr("Not checked") : tr("Problems: %1").arg(failing.join(QStringLiteral(", ")));
}

QVariant MailDomainTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MailDomain &d = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return d.id;
    if (role == Qt::TextAlignmentRole && column == Mailboxes)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return d.name;
    case Customer:
        return d.customerName.isEmpty() ? tr("(tenant)") : d.customerName;
    case Host:
        return d.hostName;
    case Status:
        return statusTitle(d.status);
    case Mailboxes:
        return d.maxMailboxes ? tr("%1 of %2").arg(d.mailboxes).arg(*d.maxMailboxes)
                              : QString::number(d.mailboxes);
    case Dkim:
        return d.dkimSelector;
    case Dns:
        return healthTitle(d);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MailDomainTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Domain");
    case Customer:
        return tr("Customer");
    case Host:
        return tr("Mail host");
    case Status:
        return tr("Status");
    case Mailboxes:
        return tr("Mailboxes");
    case Dkim:
        return tr("DKIM selector");
    case Dns:
        return tr("DNS");
    case ColumnCount:
        break;
    }
    return {};
}

MailDomainTableModel::Fetch MailDomainTableModel::fetcher() const
{
    const QString customerId = m_customerId;
    return [customerId](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto domains = mail::MailDomains::list(tx.db(), customerId, cursor, limit);
            if (!domains)
                return domains.error();
            const QString next = domains->size() == limit ? domains->last().name : QString();
            return Page{*domains, next};
        });
    };
}

} // namespace mp
