#include "dashboard_section.h"

#include "dashboard_page.h"
#include "job_commands.h"

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
    s.channels = DashboardPage::channels();
    return s;
}

} // namespace mp
