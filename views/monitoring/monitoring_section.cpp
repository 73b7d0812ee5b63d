#include "monitoring_section.h"

#include "customer_alerts_part.h"
#include "monitoring_channels.h"
#include "monitoring_page.h"

namespace mp {

ConsoleSection monitoringSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("monitoring"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Monitoring"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "Uptime and health of your servers and services."), 1200);
    s.page = [](const SectionContext &c) { return new MonitoringPage(c.session, c.feed); };
    s.channels = {channels::monitoring};
    s.detailParts = {{QStringLiteral("customer"), QStringLiteral("monitoring"),
                      [](const SectionContext &c, QWidget *parent) -> DetailPart * {
                          return new CustomerAlertsPart(c.session, c.feed, parent);
                      }}};
    return s;
}

} // namespace mp
