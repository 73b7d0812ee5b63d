#pragma once

#include "console_section.h"

namespace mp {

class ChangeFeed;
class ConsoleSession;
class DnsZoneTableModel;
class LazyTableView;

// The customer detail's DNS box: the customer's zones with status, DNSSEC, serial and pending
// changes, live through the change feed.
class CustomerZonesPart : public DetailPart {
    Q_OBJECT
public:
    CustomerZonesPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    void showRecord(const QString &customerId) override;
    DnsZoneTableModel *zones() const { return m_zones; }

private:
    DnsZoneTableModel *m_zones;
    LazyTableView *m_view;
};

} // namespace mp
