#include "provisioning_section.h"

#include "catalog_commands.h"
#include "cloudpod_commands.h"
#include "customer_pods_part.h"
#include "provisioning_page.h"

namespace mp {

ConsoleSection provisioningSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("provisioning"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Provisioning"),
        QT_TRANSLATE_NOOP("mp::NavigationModel",
                          "Hosting accounts created, suspended and removed on your servers."),
        600);
    s.page = [](const SectionContext &c) { return new ProvisioningPage(c.session, c.feed); };
    // A customer's pods on the customer detail, live.
    s.detailParts = {{QStringLiteral("customer"), QStringLiteral("cloudpods"),
                      [](const SectionContext &c, QWidget *parent) -> DetailPart * {
                          return new CustomerPodsPart(c.session, c.feed, parent);
                      }}};
    s.channels = {channels::cloudPods, channels::cloudPodTemplates, channels::nodeAllocations,
                  channels::cloudPodFindings};
    return s;
}

} // namespace mp
