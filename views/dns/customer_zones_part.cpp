#include "customer_zones_part.h"

#include "common/lazy_table_view.h"
#include "dns_channels.h"
#include "dns_zone_table_model.h"

#include <QGroupBox>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

CustomerZonesPart::CustomerZonesPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : DetailPart(parent), m_zones(new DnsZoneTableModel(session, this)),
      m_view(new LazyTableView(m_zones, this))
{
    m_zones->setChangeFeed(feed, {channels::dnsZones});
    // The page is the customer's: their name in every row says nothing.
    m_view->table()->setColumnHidden(DnsZoneTableModel::Customer, true);
    m_view->table()->setColumnHidden(DnsZoneTableModel::Server, true);
    auto *box = new QGroupBox(tr("DNS zones"), this);
    (new QVBoxLayout(box))->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
}

void CustomerZonesPart::showRecord(const QString &customerId)
{
    m_zones->setCustomer(customerId);
}

} // namespace mp
