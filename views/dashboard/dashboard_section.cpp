#include "dashboard_section.h"

#include "dashboard_page.h"
#include "job_commands.h"
#include "monitoring_channels.h"

namespace mp {

ConsoleSection dashboardSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("dashboard"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Dashboard"),
        QT_TRANSLATE_NOOP("mp::NavigationModel",
                          "Revenue, open invoices, renewals due and service health of your company."),
        100);
    s.page = [](const SectionContext &c) { return new DashboardPage(c.session, c.feed, c.runCommand); };
    // The monitoring overview on the page listens to its own channel.
    s.channels = DashboardPage::channels() << channels::monitoring;
    return s;
}

} // namespace mp
