#include "monitoring_section.h"

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
    return s;
}

} // namespace mp
