#include "domains_section.h"

#include "domain_channels.h"
#include "domains_page.h"

namespace mp {

ConsoleSection domainsSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("domains"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Domains"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "Domain registrations, transfers and renewals."), 700);
    s.page = [](const SectionContext &c) { return new DomainsPage(c.session, c.feed); };
    s.channels = {channels::domains};
    return s;
}

} // namespace mp
