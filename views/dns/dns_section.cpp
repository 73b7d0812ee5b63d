#include "dns_section.h"

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
    s.channels = {channels::dnsZones, channels::dnsRecords};
    return s;
}

} // namespace mp
