#pragma once

#include <QString>

namespace mp::channels {

// The change-feed channels of the DNS tables (migration 0017): zones (with their pending changes
// and servers) and record sets.
inline const QString dnsZones = QStringLiteral("mpanel_changed_dns_zones");
inline const QString dnsRecords = QStringLiteral("mpanel_changed_dns_rrsets");

} // namespace mp::channels
