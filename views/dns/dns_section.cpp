#include "dns_section.h"

#include "customer_zones_part.h"
#include "dns_channels.h"
#include "dns_page.h"

namespace mp {

ConsoleSection dnsSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("dns"), QT_TRANSLATE_NOOP("mp::NavigationModel", "DNS"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "DNS zones and records of your customers' domains."), 800);
    s.page = [](const SectionContext &c) { return new DnsPage(c.session, c.feed); };
    // A customer's zones on the customer detail, live.
    s.detailParts = {{QStringLiteral("customer"), QStringLiteral("dns"),
                      [](const SectionContext &c, QWidget *parent) -> DetailPart * {
                          return new CustomerZonesPart(c.session, c.feed, parent);
                      }}};
    s.channels = {channels::dnsZones, channels::dnsRecords};
    return s;
}

} // namespace mp
