#include "navigation_model.h"

namespace mp {

std::array<NavigationModel::Section, NavigationModel::sectionCount> NavigationModel::allSections()
{
    std::array<Section, sectionCount> sections{};
    for (int i = 0; i < sectionCount; ++i)
        sections[size_t(i)] = Section(i);
    return sections;
}

QString NavigationModel::title(Section section)
{
    switch (section) {
    case Section::Dashboard:
        return tr("Dashboard");
    case Section::Catalog:
        return tr("Catalog");
    case Section::Customers:
        return tr("Customers");
    case Section::Billing:
        return tr("Billing");
    case Section::Subscriptions:
        return tr("Subscriptions");
    case Section::Provisioning:
        return tr("Provisioning");
    case Section::Domains:
        return tr("Domains");
    case Section::Dns:
        return tr("DNS");
    case Section::Email:
        return tr("Email");
    case Section::Ssl:
        return tr("SSL");
    case Section::Guardian:
        return tr("Guardian");
    case Section::Monitoring:
        return tr("Monitoring");
    case Section::Count:
        break;
    }
    return {};
}

QString NavigationModel::summary(Section section)
{
    switch (section) {
    case Section::Dashboard:
        return tr("Revenue, open invoices, renewals due and service health of your company.");
    case Section::Catalog:
        return tr("The products, plans and prices you sell.");
    case Section::Customers:
        return tr("Your customers, their contacts and their accounts.");
    case Section::Billing:
        return tr("Invoices, payments, credit notes and dunning.");
    case Section::Subscriptions:
        return tr("What each customer has subscribed to and when it renews.");
    case Section::Provisioning:
        return tr("Hosting accounts created, suspended and removed on your servers.");
    case Section::Domains:
        return tr("Domain registrations, transfers and renewals.");
    case Section::Dns:
        return tr("DNS zones and records of your customers' domains.");
    case Section::Email:
        return tr("Mailboxes, aliases and forwarders.");
    case Section::Ssl:
        return tr("SSL certificates, their issuance and expiry.");
    case Section::Guardian:
        return tr("Security checks, fraud screening and abuse reports.");
    case Section::Monitoring:
        return tr("Uptime and health of your servers and services.");
    case Section::Count:
        break;
    }
    return {};
}

NavigationModel::NavigationModel(QObject *parent) : QAbstractListModel(parent) {}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : sectionCount;
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto section = Section(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(section);
    case Qt::ToolTipRole:
    case SummaryRole:
        return summary(section);
    case SectionRole:
        return index.row();
    default:
        return {};
    }
}

QHash<int, QByteArray> NavigationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SectionRole, "section");
    names.insert(SummaryRole, "summary");
    return names;
}

QModelIndex NavigationModel::indexOf(Section section) const
{
    if (section == Section::Count)
        return {};
    return index(int(section), 0);
}

NavigationModel::Section NavigationModel::sectionAt(const QModelIndex &index)
{
    return index.isValid() ? Section(index.row()) : Section::Count;
}

} // namespace mp
